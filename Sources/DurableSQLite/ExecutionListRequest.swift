import DurableModel
import DurableServer
import GRDB

/// The SQL of one `listExecutions` page: filters, order, marker position and a one-row look-ahead.
struct ExecutionListRequest {
    let sql: String
    let arguments: StatementArguments

    init(query: ExecutionListQuery, cursor: ExecutionListMarker?) {
        var conditions = ["function_name = ?"]
        var arguments: StatementArguments = [query.functionName]
        if let qualifier = query.qualifier {
            conditions.append("qualifier = ?")
            arguments += [qualifier]
        }
        if let name = query.executionName {
            conditions.append("execution_name = ?")
            arguments += [name]
        }
        if !query.statuses.isEmpty {
            conditions.append("status IN (\(Array(repeating: "?", count: query.statuses.count).joined(separator: ", ")))")
            arguments += StatementArguments(query.statuses.map(\.rawValue))
        }
        if let after = query.startedAfter {
            conditions.append("started_at > ?")
            arguments += [after.columnSeconds]
        }
        if let before = query.startedBefore {
            conditions.append("started_at < ?")
            arguments += [before.columnSeconds]
        }
        if let cursor {
            // Row-value comparison: strictly past the marker's (start_ms, arn) in the listing direction.
            conditions.append(query.reverseOrder ? "(start_ms, arn) < (?, ?)" : "(start_ms, arn) > (?, ?)")
            arguments += [cursor.startMillis, cursor.arn]
        }
        let direction = query.reverseOrder ? "DESC" : "ASC"
        sql = """
            SELECT \(ExecutionRow.selection), arn, start_ms FROM executions
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY start_ms \(direction), arn \(direction)
            LIMIT ?
            """
        arguments += [query.pageSize + 1]
        self.arguments = arguments
    }
}
