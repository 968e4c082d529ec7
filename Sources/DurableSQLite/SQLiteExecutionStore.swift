import DurableModel
import DurableServer
import Foundation
import GRDB

/// An `ExecutionStore` in a SQLite file: one row per execution, operation, event, timer and callback id.
///
/// Every write runs in one IMMEDIATE transaction, so a commit is atomic and never rewrites more than
/// the rows its mutation names. Reads run concurrently with writes on WAL snapshots.
public final class SQLiteExecutionStore: ExecutionStore, Sendable {
    // Internal rather than private so tests can check pragmas and query plans on the real connection.
    let writer: any DatabaseWriter
    private let group: GroupCommitWriter
    private let cache = ExecutionCache()

    /// Opens (creating it and its directories if needed) the store at `path` and migrates its schema.
    public convenience init(path: String, busyTimeout: TimeInterval = 5) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // DatabasePool puts the file in WAL mode: readers see snapshots while the single writer commits.
        let pool = try DatabasePool(path: path, configuration: Self.configuration(busyTimeout: busyTimeout))
        // The pool's WAL setup lowers its writer to synchronous = NORMAL after `prepareDatabase` ran;
        // raise it again (see `configuration`). The writer connection lives as long as the pool.
        try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        try self.init(writer: pool)
    }

    /// Creates a store in process memory (a private SQLite database), for tests.
    public static func makeInMemory() throws -> SQLiteExecutionStore {
        try SQLiteExecutionStore(writer: DatabaseQueue(configuration: configuration(busyTimeout: 5)))
    }

    private init(writer: any DatabaseWriter) throws {
        self.writer = writer
        self.group = GroupCommitWriter(writer: writer)
        let migrator = SQLiteSchema.migrator
        let unknown = try writer.read { db in
            try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
        }
        guard unknown.isEmpty else {
            throw SQLiteStoreError.schemaFromNewerBuild(path: writer.path, unknownMigrations: unknown)
        }
        try migrator.migrate(writer)
    }

    private static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.label = "DurableSQLite"
        config.foreignKeysEnabled = true
        // Another process on the same file holds the write lock briefly; wait for it rather than fail.
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            // FULL fsyncs the WAL on every commit. The engine acknowledges a checkpoint to the handler
            // once `commit` returns, so that commit must survive a power cut; WAL's usual NORMAL only
            // survives a process crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    /// Closes the database; the store must not be used afterwards.
    public func close() throws {
        try writer.close()
    }

    // MARK: - Writes

    /// Stores a new execution unless its ARN or (function, name) is taken.
    public func createExecution(_ record: ExecutionRecord, operations: [StoredOperation], events: [HistoryEvent],
                                timers: [DurableTimer]) async throws -> CreateExecutionOutcome {
        try await writeImmediately { db in
            if let existing = try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByArnSQL),
                                                        arguments: [record.arn]) {
                return .existing(existing)
            }
            if let existing = try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByNameSQL),
                                                        arguments: [record.functionName, record.executionName]) {
                return .existing(existing)
            }
            try db.cachedStatement(sql: ExecutionRow.insertSQL).execute(arguments: ExecutionRow.arguments(record))
            try Self.write(operations: operations, events: events, armTimers: timers, executionArn: record.arn, db)
            return .created(record)
        }
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
        cache.apply(committed: committed, baseVersion: mutation.record.version, operations: mutation.operations)
        return committed
    }

    private func commitRows(_ mutation: ExecutionMutation) async throws -> ExecutionRecord {
        try await writeImmediately { db in
            let arn = mutation.record.arn
            guard let stored = try Int.fetchOne(db.cachedStatement(sql: ExecutionRow.selectVersionSQL), arguments: [arn]) else {
                throw ExecutionStoreError.executionNotFound(arn: arn)
            }
            guard stored == mutation.record.version else {
                throw ExecutionStoreError.versionConflict(arn: arn, expected: mutation.record.version, actual: stored)
            }
            // Same rule as the in-memory store: new ids follow the last stored event, whatever the record says.
            var next = (try Int.fetchOne(db.cachedStatement(sql: EventRow.lastEventIdSQL), arguments: [arn]) ?? 0) + 1
            for event in mutation.events {
                guard event.eventId == next else {
                    throw ExecutionStoreError.eventIdGap(arn: arn, expected: next, got: event.eventId)
                }
                next += 1
            }
            var record = mutation.record
            record.version += 1
            try db.cachedStatement(sql: ExecutionRow.updateSQL).execute(arguments: ExecutionRow.arguments(record))
            // Disarm before arming, as the in-memory store does, so a mutation may re-arm a key it disarms.
            let disarm = try db.cachedStatement(sql: TimerRow.deleteSQL)
            for key in mutation.disarmTimers { try disarm.execute(arguments: TimerRow.keyArguments(key)) }
            try Self.write(operations: mutation.operations, events: mutation.events, armTimers: mutation.armTimers,
                           executionArn: arn, db)
            let index = try db.cachedStatement(sql: CallbackRow.upsertSQL)
            for entry in mutation.callbacks { try index.execute(arguments: CallbackRow.arguments(entry)) }
            return record
        }
    }

    /// Deletes closed executions past retention, with all their rows.
    public func purgeClosedExecutions(before now: Date) async throws -> Int {
        try await writeImmediately { db in
            let arns = try String.fetchAll(db.cachedStatement(sql: ExecutionRow.selectPurgeableSQL),
                                           arguments: [now.columnSeconds])
            let timers = try db.cachedStatement(sql: TimerRow.deleteForExecutionSQL)
            let callbacks = try db.cachedStatement(sql: CallbackRow.deleteForExecutionSQL)
            let logs = try db.cachedStatement(sql: LogRow.deleteForExecutionSQL)
            let execution = try db.cachedStatement(sql: ExecutionRow.deleteSQL)
            for arn in arns {
                try timers.execute(arguments: [arn])
                try callbacks.execute(arguments: [arn])
                try logs.execute(arguments: [arn])
                // Operations and events go with the row (ON DELETE CASCADE).
                try execution.execute(arguments: [arn])
            }
            return arns.count
        }
    }

    /// Appends records to the execution's log, numbered after the last stored one, in one transaction.
    public func appendLogs(executionArn: String, records: [ExecutionLogRecord]) async throws {
        try await writeImmediately { db in
            guard try Int.fetchOne(db.cachedStatement(sql: ExecutionRow.selectVersionSQL), arguments: [executionArn]) != nil else {
                throw ExecutionStoreError.executionNotFound(arn: executionArn)
            }
            guard !records.isEmpty else { return }
            var sequence = try Int.fetchOne(db.cachedStatement(sql: LogRow.lastSequenceSQL), arguments: [executionArn]) ?? 0
            let insert = try db.cachedStatement(sql: LogRow.insertSQL)
            for record in records {
                sequence += 1
                var stored = record
                stored.executionArn = executionArn
                try insert.execute(arguments: LogRow.arguments(stored, sequence: sequence))
            }
        }
    }

    private static func write(operations: [StoredOperation], events: [HistoryEvent], armTimers: [DurableTimer],
                              executionArn arn: String, _ db: Database) throws {
        if !operations.isEmpty {
            let upsert = try db.cachedStatement(sql: OperationRow.upsertSQL)
            for op in operations { try upsert.execute(arguments: OperationRow.arguments(op, executionArn: arn)) }
        }
        if !events.isEmpty {
            let insert = try db.cachedStatement(sql: EventRow.insertSQL)
            for event in events { try insert.execute(arguments: EventRow.arguments(event, executionArn: arn)) }
        }
        if !armTimers.isEmpty {
            let arm = try db.cachedStatement(sql: TimerRow.upsertSQL)
            for timer in armTimers { try arm.execute(arguments: TimerRow.arguments(timer)) }
        }
    }

    /// Runs `body` in its own savepoint of the next group transaction (see `GroupCommitWriter`), which is IMMEDIATE.
    ///
    /// IMMEDIATE takes the write lock up front: a DEFERRED transaction that reads the version and then
    /// writes could find another process committed in between and fail with SQLITE_BUSY at once, without
    /// the busy timeout applying.
    func writeImmediately<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await group.write(body)
    }

    /// How many writes shared each durable transaction since the last call; resets the counters.
    public func takeCommitStatistics() -> SQLiteCommitStatistics {
        group.takeStatistics()
    }

    // MARK: - Reads

    /// The execution with this ARN.
    public func execution(arn: String) async throws -> ExecutionRecord? {
        try await writer.read { [cache] db in
            guard let version = try Int.fetchOne(db.cachedStatement(sql: ExecutionRow.selectVersionSQL), arguments: [arn]) else {
                return nil
            }
            if let cached = cache.record(arn, version: version) { return cached }
            return try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByArnSQL), arguments: [arn])
        }
    }

    /// The execution of `functionName` called `executionName`.
    public func execution(functionName: String, executionName: String) async throws -> ExecutionRecord? {
        try await writer.read { db in
            try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByNameSQL),
                                      arguments: [functionName, executionName])
        }
    }

    /// The execution's operations in start order.
    public func operations(executionArn: String) async throws -> [StoredOperation] {
        try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: OperationRow.selectAllSQL), arguments: [executionArn])
                .map(OperationRow.operation)
        }
    }

    /// The execution's operations by id; for an execution with an invocation in flight, from the cache
    /// once the row's version shows nothing else wrote it.
    public func operationMap(executionArn: String) async throws -> OperationMap {
        let byId = try await writer.read { [cache] db -> [String: StoredOperation] in
            let version = try Int.fetchOne(db.cachedStatement(sql: ExecutionRow.selectVersionSQL), arguments: [executionArn])
            if let version, let cached = cache.operations(executionArn, version: version) { return cached }
            let operations = try Row.fetchAll(db.cachedStatement(sql: OperationRow.selectAllSQL), arguments: [executionArn])
                .map(OperationRow.operation)
            let byId = Dictionary(operations.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            // Read in the same snapshot as the operations, so the entry is consistent.
            if let record = try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByArnSQL), arguments: [executionArn]) {
                cache.store(record, operations: byId)
            }
            return byId
        }
        return OperationMap(byId: byId)
    }

    /// The execution's operations changed after `sequence`, in start order.
    public func operations(executionArn: String, changedAfter sequence: Int) async throws -> [StoredOperation] {
        try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: OperationRow.selectChangedAfterSQL), arguments: [executionArn, sequence])
                .map(OperationRow.operation)
        }
    }

    /// Up to `limit` events following `eventId` (exclusive) in the given direction.
    public func events(executionArn: String, after eventId: Int?, limit: Int, reverse: Bool) async throws -> [HistoryEvent] {
        // A negative LIMIT means "no limit" to SQLite; the in-memory store returns nothing.
        let limit = max(limit, 0)
        return try await writer.read { db in
            let statement = try db.cachedStatement(sql: reverse ? EventRow.selectReverseSQL : EventRow.selectForwardSQL)
            let bound = eventId ?? (reverse ? Int.max : 0)
            return try String.fetchAll(statement, arguments: [executionArn, bound, limit]).map(EventRow.event)
        }
    }

    /// Up to `limit` log records following the first `offset`, in append order.
    public func logs(executionArn: String, after offset: Int, limit: Int) async throws -> [ExecutionLogRecord] {
        let limit = max(limit, 0)
        return try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: LogRow.selectSQL), arguments: [executionArn, max(offset, 0), limit])
                .map { LogRow.record($0, executionArn: executionArn) }
        }
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
        let request = ExecutionListRequest(query: query, cursor: cursor)
        return try await writer.read { db in
            // One row beyond the page tells whether there is a next page.
            let rows = try Row.fetchAll(db.cachedStatement(sql: request.sql), arguments: request.arguments)
            let page = Array(rows.prefix(query.pageSize))
            let records = try page.map { try ExecutionRow.record($0["record"]) }
            let next = rows.count > page.count
                ? page.last.map { ExecutionListMarker(startMillis: $0["start_ms"], arn: $0["arn"]).marker }
                : nil
            return ExecutionRecordPage(records: records, nextMarker: next)
        }
    }

    /// Up to `limit` timers with `dueAt <= now`, earliest first.
    public func dueTimers(at now: Date, limit: Int) async throws -> [DurableTimer] {
        let limit = max(limit, 0)
        return try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: TimerRow.selectDueSQL), arguments: [now.columnSeconds, limit])
                .map(TimerRow.timer)
        }
    }

    /// The execution's armed timers, earliest first.
    public func timers(executionArn: String) async throws -> [DurableTimer] {
        try await writer.read { db in
            try Row.fetchAll(db.cachedStatement(sql: TimerRow.selectForExecutionSQL), arguments: [executionArn])
                .map(TimerRow.timer)
        }
    }

    /// The earliest armed timer's due date.
    public func nextTimerDate() async throws -> Date? {
        try await writer.read { db in
            try Double.fetchOne(db.cachedStatement(sql: TimerRow.selectNextDueSQL)).map(Date.init(columnSeconds:))
        }
    }

    /// Resolves a callback id.
    public func callback(id: String) async throws -> CallbackIndexEntry? {
        try await writer.read { db in
            try Row.fetchOne(db.cachedStatement(sql: CallbackRow.selectSQL), arguments: [id]).map(CallbackRow.entry)
        }
    }

    /// RUNNING executions with a queued or running invocation, oldest first.
    public func executionsAwaitingInvocation() async throws -> [ExecutionRecord] {
        try await writer.read { db in
            try ExecutionRow.fetchAll(db.cachedStatement(sql: ExecutionRow.selectAwaitingInvocationSQL))
        }
    }
}
