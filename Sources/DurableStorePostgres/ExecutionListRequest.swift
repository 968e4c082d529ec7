import DurableModel
import DurableServer
import PostgresNIO

/// The SQL of one `listExecutions` page: filters, order, marker position and a one-row look-ahead.
enum ExecutionListRequest {
    static func query(_ query: ExecutionListQuery, cursor: ExecutionListMarker?) -> PostgresQuery {
        var bindings = PostgresBindings()
        // Appends a value and answers its placeholder, so conditions and binds never drift apart.
        func bind(_ value: some PostgresNonThrowingEncodable) -> String {
            bindings.append(value)
            return "$\(bindings.count)"
        }
        var conditions = ["function_name = \(bind(query.functionName))"]
        if let qualifier = query.qualifier { conditions.append("qualifier = \(bind(qualifier))") }
        if let name = query.executionName { conditions.append("execution_name = \(bind(name))") }
        if !query.statuses.isEmpty { conditions.append("status = ANY(\(bind(query.statuses.map(\.rawValue))))") }
        if let after = query.startedAfter { conditions.append("started_at > \(bind(after.columnSeconds))") }
        if let before = query.startedBefore { conditions.append("started_at < \(bind(before.columnSeconds))") }
        if let cursor {
            // Row-value comparison: strictly past the marker's (start_ms, arn) in the listing direction.
            let position = "(\(bind(cursor.startMillis)), \(bind(cursor.arn)))"
            conditions.append(query.reverseOrder ? "(start_ms, arn) < \(position)" : "(start_ms, arn) > \(position)")
        }
        let direction = query.reverseOrder ? "DESC" : "ASC"
        let limit = bind(query.pageSize + 1)
        let sql = """
            SELECT arn, start_ms, record FROM executions
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY start_ms \(direction), arn \(direction)
            LIMIT \(limit)
            """
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
