import DurableModel
import DurableServer
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// An `ExecutionStore` in PostgreSQL: the SQLite store's rows (executions, operations, events, timers,
/// callbacks, logs) on a PostgresNIO connection pool.
///
/// The store is a `Service`: its pool only works while `run()` runs (in a `ServiceGroup` or a task),
/// and `migrate()` must have succeeded before the first read or write. Every write is atomic; `commit`
/// is one statement (see `PostgresCommitStatement`) whose version-checked UPDATE locks the execution
/// row, so two nodes committing the same execution serialize and the second fails with a conflict.
public final class PostgresExecutionStore: ExecutionStore, Service, Sendable {
    // Internal rather than private so tests can reach the real pool.
    let client: PostgresClient
    let logger: Logger
    /// Decoded rows of executions with an invocation in flight (see `snapshot`).
    private let cache = ExecutionCache()

    /// Creates a store on a pool with `configuration`; run it and `migrate()` before use.
    public init(configuration: PostgresClient.Configuration, logger: Logger = Logger(label: "DurableStorePostgres")) {
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    /// Creates a store for a `postgres://user[:password]@host[:port]/database` URL.
    public convenience init(url: String, logger: Logger = Logger(label: "DurableStorePostgres")) throws {
        self.init(configuration: try Self.configuration(url: url), logger: logger)
    }

    /// Runs the connection pool until the task is cancelled or the service group shuts down.
    public func run() async throws {
        await client.run()
    }

    /// Applies the schema migrations this database lacks; safe when several nodes start at once.
    public func migrate() async throws {
        try await PostgresSchema.migrate(on: client, logger: logger)
    }

    // MARK: - Writes

    /// Stores a new execution unless its ARN or (function, name) is taken.
    public func createExecution(_ record: ExecutionRecord, operations: [StoredOperation], events: [HistoryEvent],
                                timers: [DurableTimer]) async throws -> CreateExecutionOutcome {
        let inserted = try await transaction { connection in
            // ON CONFLICT DO NOTHING rather than a read first: a concurrent insert of the same ARN or name
            // by another node waits for that node's transaction and then inserts nothing here.
            let rows = try await connection.query(try Self.insertExecution(record, storedEventId: events.last?.eventId ?? 0), logger: self.logger)
            var inserted = false
            for try await _ in rows.decode(String.self) { inserted = true }
            guard inserted else { return false }
            try await self.write(operations: operations, events: events, armTimers: timers, executionArn: record.arn,
                                 connection)
            return true
        }
        if inserted {
            // Its first invocation follows at once: start it from what was just written, not a read.
            cache.store(record, operations: OperationIndex(operations))
            return .created(record)
        }
        if let existing = try await execution(arn: record.arn) { return .existing(existing) }
        if let existing = try await execution(functionName: record.functionName, executionName: record.executionName) {
            return .existing(existing)
        }
        // The conflicting row was purged between the insert and the read; the caller may retry.
        throw ExecutionStoreError.executionNotFound(arn: record.arn)
    }

    /// Applies a mutation under the version check, in one transaction.
    public func commit(_ mutation: ExecutionMutation) async throws -> ExecutionRecord {
        let committed: ExecutionRecord
        do {
            committed = try await commitRows(mutation)
        } catch {
            cache.remove(mutation.record.arn)
            throw error
        }
        cache.apply(committed: committed, baseVersion: mutation.record.version, operations: mutation.operations,
                    armedTimers: mutation.armTimers)
        return committed
    }

    private func commitRows(_ mutation: ExecutionMutation) async throws -> ExecutionRecord {
        let arn = mutation.record.arn
        var expected = mutation.events.first?.eventId
        for event in mutation.events {
            guard event.eventId == expected else {
                throw ExecutionStoreError.eventIdGap(arn: arn, expected: expected ?? 0, got: event.eventId)
            }
            expected = event.eventId + 1
        }
        let statement = try PostgresCommitStatement(mutation)
        var updated = 0
        for try await count in try await client.query(statement.query, logger: logger).decode(Int.self) { updated = count }
        if updated == 1 {
            var record = mutation.record
            record.version += 1
            return record
        }
        // Nothing was written: say why, from the row as it is now.
        var found: (version: Int, lastEvent: Int)?
        for try await row in try await client.query("""
            SELECT version, COALESCE(stored_event_id, (SELECT MAX(event_id) FROM events WHERE execution_arn = \(arn)), 0)::bigint
            FROM executions WHERE arn = \(arn)
            """, logger: logger).decode((Int, Int).self) {
            found = row
        }
        guard let found else { throw ExecutionStoreError.executionNotFound(arn: arn) }
        guard found.version == mutation.record.version, let first = mutation.events.first else {
            throw ExecutionStoreError.versionConflict(arn: arn, expected: mutation.record.version, actual: found.version)
        }
        throw ExecutionStoreError.eventIdGap(arn: arn, expected: found.lastEvent + 1, got: first.eventId)
    }

    /// Deletes closed executions past retention, with all their rows.
    public func purgeClosedExecutions(before now: Date) async throws -> Int {
        try await transaction { connection in
            // One statement per table; operations, events and logs also go with the row (ON DELETE CASCADE).
            let rows = try await connection.query("""
                DELETE FROM executions
                WHERE purge_after IS NOT NULL AND purge_after <= \(now.columnSeconds) AND status <> 'RUNNING'
                RETURNING arn
                """, logger: self.logger)
            var arns: [String] = []
            for try await arn in rows.decode(String.self) { arns.append(arn) }
            guard !arns.isEmpty else { return 0 }
            try await connection.query("DELETE FROM timers WHERE execution_arn = ANY(\(arns))", logger: self.logger)
            try await connection.query("DELETE FROM callbacks WHERE execution_arn = ANY(\(arns))", logger: self.logger)
            return arns.count
        }
    }

    /// Appends records to the execution's log, numbered after the last stored one, in one transaction.
    public func appendLogs(executionArn: String, records: [ExecutionLogRecord]) async throws {
        try await transaction { connection in
            // The row lock serializes appenders of one execution, so their sequence numbers never collide.
            var found = false
            for try await _ in try await connection.query(
                "SELECT version FROM executions WHERE arn = \(executionArn) FOR UPDATE", logger: self.logger
            ).decode(Int.self) {
                found = true
            }
            guard found else { throw ExecutionStoreError.executionNotFound(arn: executionArn) }
            guard !records.isEmpty else { return }
            var sequence = try await Self.maximum("SELECT MAX(sequence) FROM logs WHERE execution_arn = \(executionArn)",
                                                  connection, logger: self.logger)
            for record in records {
                sequence += 1
                try await connection.query("""
                    INSERT INTO logs (execution_arn, sequence, timestamp, request_id, level, message, operation_id, attempt)
                    VALUES (\(executionArn), \(sequence), \(record.timestamp.columnSeconds), \(record.requestId),
                            \(record.level), \(record.message), \(record.operationId), \(record.attempt))
                    """, logger: self.logger)
            }
        }
    }

    private func write(operations: [StoredOperation], events: [HistoryEvent], armTimers: [DurableTimer],
                       executionArn arn: String, _ connection: PostgresConnection) async throws {
        for op in operations {
            let operation = try StoreJSON.encode(op.operation), meta = try StoreJSON.encode(op.meta)
            try await connection.query("""
                INSERT INTO operations (execution_arn, id, position, sequence, operation, meta)
                VALUES (\(arn), \(op.id), \(op.position), \(op.sequence), \(operation)::json, \(meta)::json)
                ON CONFLICT (execution_arn, id) DO UPDATE SET
                    position = excluded.position, sequence = excluded.sequence,
                    operation = excluded.operation, meta = excluded.meta
                """, logger: logger)
        }
        for event in events {
            // A plain INSERT: commit checked the ids continue the history, so a duplicate is a bug to surface.
            let json = try StoreJSON.encode(event)
            try await connection.query("""
                INSERT INTO events (execution_arn, event_id, event) VALUES (\(arn), \(event.eventId), \(json)::json)
                """, logger: logger)
        }
        for timer in armTimers {
            // The primary key cannot hold NULL, so an execution-level timer's operation is ''.
            try await connection.query("""
                INSERT INTO timers (execution_arn, kind, operation_id, due_at)
                VALUES (\(timer.key.executionArn), \(timer.key.kind.rawValue), \(timer.key.operationId ?? ""),
                        \(timer.dueAt.columnSeconds))
                ON CONFLICT (execution_arn, kind, operation_id)
                DO UPDATE SET due_at = excluded.due_at, lease_owner = NULL, lease_expires_at = NULL
                """, logger: logger)
        }
    }

    private static func insertExecution(_ record: ExecutionRecord, storedEventId: Int) throws -> PostgresQuery {
        let json = try record.storeDocument()
        return """
            INSERT INTO executions (arn, function_name, qualifier, execution_name, status, invocation_phase,
                                    start_ms, started_at, ended_at, purge_after, version, record, stored_event_id)
            VALUES (\(record.arn), \(record.functionName), \(record.qualifier), \(record.executionName),
                    \(record.status.rawValue), \(record.invocationPhase.rawValue), \(record.startTimestamp.epochMillis),
                    \(record.startTimestamp.columnSeconds), \(record.endTimestamp?.columnSeconds),
                    \(record.purgeAfter?.columnSeconds), \(record.version), \(json)::json, \(storedEventId))
            ON CONFLICT DO NOTHING
            RETURNING arn
            """
    }

    /// The single nullable integer a `SELECT MAX(…)` yields, 0 when there are no rows.
    private static func maximum(_ query: PostgresQuery, _ connection: PostgresConnection, logger: Logger) async throws -> Int {
        var result = 0
        for try await value in try await connection.query(query, logger: logger).decode(Int?.self) {
            result = value ?? 0
        }
        return result
    }

    /// Runs `body` in a transaction, rethrowing the body's own error rather than PostgresNIO's wrapper.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }

    // MARK: - Reads

    /// The execution with this ARN.
    public func execution(arn: String) async throws -> ExecutionRecord? {
        try await records("SELECT record FROM executions WHERE arn = \(arn)").first
    }

    /// The record and operations for one engine step: unless `verified` is asked for, from the cache
    /// when this node has the execution in flight (the commit's version check catches other nodes).
    public func snapshot(executionArn: String, verified: Bool) async throws -> ExecutionSnapshot? {
        if !verified, let (record, index) = cache.snapshot(executionArn) {
            return ExecutionSnapshot(record: record, operations: OperationMap(index: index), verified: false)
        }
        // The record first: operations read later are at least as new, so if they are newer the
        // record's version is behind and the step's commit fails its version check instead of losing them.
        guard let record = try await execution(arn: executionArn) else { return nil }
        let index = OperationIndex(try await operations(executionArn: executionArn))
        cache.store(record, operations: index, aboutToChange: true)
        return ExecutionSnapshot(record: record, operations: OperationMap(index: index), verified: true)
    }

    /// The execution of `functionName` called `executionName`.
    public func execution(functionName: String, executionName: String) async throws -> ExecutionRecord? {
        try await records("""
            SELECT record FROM executions WHERE function_name = \(functionName) AND execution_name = \(executionName)
            """).first
    }

    /// The execution's operations in start order.
    public func operations(executionArn: String) async throws -> [StoredOperation] {
        // Ties on position are broken by id only so the order is deterministic.
        try await operations("""
            SELECT position, sequence, operation, meta FROM operations
            WHERE execution_arn = \(executionArn) ORDER BY position, id
            """)
    }

    /// The execution's operations changed after `sequence`, in start order.
    public func operations(executionArn: String, changedAfter sequence: Int) async throws -> [StoredOperation] {
        try await operations("""
            SELECT position, sequence, operation, meta FROM operations
            WHERE execution_arn = \(executionArn) AND sequence > \(sequence) ORDER BY position, id
            """)
    }

    /// Up to `limit` events following `eventId` (exclusive) in the given direction; nil starts at the edge.
    public func events(executionArn: String, after eventId: Int?, limit: Int, reverse: Bool) async throws -> [HistoryEvent] {
        let limit = max(limit, 0)
        let bound = eventId ?? (reverse ? Int.max : 0)
        let query: PostgresQuery = reverse
            ? """
              SELECT event FROM events WHERE execution_arn = \(executionArn) AND event_id < \(bound)
              ORDER BY event_id DESC LIMIT \(limit)
              """
            : """
              SELECT event FROM events WHERE execution_arn = \(executionArn) AND event_id > \(bound)
              ORDER BY event_id LIMIT \(limit)
              """
        var events: [HistoryEvent] = []
        for try await json in try await client.query(query, logger: logger).decode(String.self) {
            events.append(try StoreJSON.decode(HistoryEvent.self, from: json))
        }
        return events
    }

    /// Up to `limit` log records following the first `offset`, in append order.
    public func logs(executionArn: String, after offset: Int, limit: Int) async throws -> [ExecutionLogRecord] {
        let rows = try await client.query("""
            SELECT timestamp, request_id, level, message, operation_id, attempt FROM logs
            WHERE execution_arn = \(executionArn) AND sequence > \(max(offset, 0)) ORDER BY sequence LIMIT \(max(limit, 0))
            """, logger: logger)
        var records: [ExecutionLogRecord] = []
        for try await (timestamp, requestId, level, message, operationId, attempt)
            in rows.decode((Double, String, String, String, String?, Int?).self) {
            records.append(ExecutionLogRecord(timestamp: Date(columnSeconds: timestamp), executionArn: executionArn,
                                              requestId: requestId, level: level, message: message,
                                              operationId: operationId, attempt: attempt))
        }
        return records
    }

    /// One page of a function's executions, ordered by start time (ms) then ARN.
    public func listExecutions(_ query: ExecutionListQuery) async throws -> ExecutionRecordPage {
        var cursor: ExecutionListMarker?
        if let marker = query.marker, !marker.isEmpty {
            guard let decoded = ExecutionListMarker(marker: marker) else {
                throw DurableServiceError.invalidParameter("Invalid marker")
            }
            cursor = decoded
        }
        let rows = try await client.query(ExecutionListRequest.query(query, cursor: cursor), logger: logger)
        var fetched: [(arn: String, startMillis: Int64, record: ExecutionRecord)] = []
        for try await (arn, startMillis, json) in rows.decode((String, Int64, String).self) {
            fetched.append((arn, startMillis, try ExecutionRecord(storeDocument: json)))
        }
        // One row beyond the page tells whether there is a next page.
        let page = fetched.prefix(query.pageSize)
        let next = fetched.count > page.count
            ? page.last.map { ExecutionListMarker(startMillis: $0.startMillis, arn: $0.arn).marker }
            : nil
        return ExecutionRecordPage(records: page.map(\.record), nextMarker: next)
    }

    /// Up to `limit` timers with `dueAt <= now`, earliest first.
    public func dueTimers(at now: Date, limit: Int) async throws -> [DurableTimer] {
        try await timers("""
            SELECT execution_arn, kind, operation_id, due_at FROM timers WHERE due_at <= \(now.columnSeconds)
            ORDER BY due_at, execution_arn, kind, operation_id LIMIT \(max(limit, 0))
            """)
    }

    /// The execution's armed timers, earliest first.
    public func timers(executionArn: String) async throws -> [DurableTimer] {
        try await timers("""
            SELECT execution_arn, kind, operation_id, due_at FROM timers WHERE execution_arn = \(executionArn)
            ORDER BY due_at, kind, operation_id
            """)
    }

    /// The earliest armed timer's due date.
    public func nextTimerDate() async throws -> Date? {
        var next: Double?
        for try await due in try await client.query("SELECT MIN(due_at) FROM timers", logger: logger).decode(Double?.self) {
            next = due
        }
        return next.map(Date.init(columnSeconds:))
    }

    /// Resolves a callback id.
    public func callback(id: String) async throws -> CallbackIndexEntry? {
        let rows = try await client.query("""
            SELECT callback_id, execution_arn, operation_id FROM callbacks WHERE callback_id = \(id)
            """, logger: logger)
        var entry: CallbackIndexEntry?
        for try await (callbackId, executionArn, operationId) in rows.decode((String, String, String).self) {
            entry = CallbackIndexEntry(callbackId: callbackId, executionArn: executionArn, operationId: operationId)
        }
        return entry
    }

    /// RUNNING executions with a queued or running invocation, oldest first.
    public func executionsAwaitingInvocation() async throws -> [ExecutionRecord] {
        // The predicate matches the partial index `executions_awaiting` word for word, so the planner can use it.
        try await records("""
            SELECT record FROM executions WHERE status = 'RUNNING' AND invocation_phase <> 'idle' ORDER BY started_at, arn
            """)
    }

    private func records(_ query: PostgresQuery) async throws -> [ExecutionRecord] {
        var records: [ExecutionRecord] = []
        for try await json in try await client.query(query, logger: logger).decode(String.self) {
            records.append(try ExecutionRecord(storeDocument: json))
        }
        return records
    }

    private func operations(_ query: PostgresQuery) async throws -> [StoredOperation] {
        var operations: [StoredOperation] = []
        for try await (position, sequence, operation, meta) in try await client.query(query, logger: logger)
            .decode((Int, Int, String, String).self) {
            operations.append(StoredOperation(
                operation: try StoreJSON.decode(DurableModel.Operation.self, from: operation),
                position: position, sequence: sequence,
                meta: try StoreJSON.decode(OperationMeta.self, from: meta)
            ))
        }
        return operations
    }

    private func timers(_ query: PostgresQuery) async throws -> [DurableTimer] {
        var timers: [DurableTimer] = []
        for try await (arn, kindName, operationId, dueAt) in try await client.query(query, logger: logger)
            .decode((String, String, String, Double).self) {
            guard let kind = TimerKind(rawValue: kindName) else {
                throw DurableServiceError.service("Unknown timer kind '\(kindName)' in the timers table")
            }
            timers.append(DurableTimer(executionArn: arn, kind: kind, operationId: operationId.isEmpty ? nil : operationId,
                                       dueAt: Date(columnSeconds: dueAt)))
        }
        return timers
    }
}
