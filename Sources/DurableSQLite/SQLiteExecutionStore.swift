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
        try Self.preallocateWAL(pool, bytes: Self.walPreallocationBytes)
        try self.init(writer: pool)
    }

    /// The page size of new files.
    static let pageSize = 4096

    /// What `preallocateWAL` extends the WAL to: the autocheckpoint's 1,000 pages with room for a
    /// large transaction past them.
    static let walPreallocationBytes = 12 << 20

    /// Extends the WAL file with zeros to `bytes` and syncs it once.
    ///
    /// An `fdatasync` of a file that grew must also write its new size, a second synchronous write on
    /// every commit while a fresh WAL fills (SQLite deletes the WAL when the last connection closes,
    /// and then reuses it from the start after each checkpoint without shrinking it). Zeros past the
    /// last frame are no frame to SQLite (a frame needs the WAL's salt and checksum), just as stale
    /// frames past a restart are not. The write lock is held meanwhile, so no other connection to the
    /// file appends a frame where the zeros go.
    private static func preallocateWAL(_ pool: DatabasePool, bytes: Int) throws {
        try pool.writeInTransaction(.immediate) { _ in
            guard let handle = FileHandle(forWritingAtPath: pool.path + "-wal") else { return .rollback }
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            if size < UInt64(bytes) {
                try handle.write(contentsOf: Data(count: bytes - Int(size)))
                try handle.synchronize()
            }
            return .rollback
        }
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
            // Pages are read through a memory map instead of one pread each; writes still go to the WAL.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            // Undo pages of savepoints (a group written again after a failed write gives each write one)
            // and of statements stay in memory instead of going to a temporary file, a write call per page.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A new file gets 4 KiB pages (SQLite fixes the size when the file is first written; an
            // existing file keeps its own). With operation and event rows filed in write order (`v6`), a
            // commit dirties a few pages at the tables' ends and in their small indexes, and smaller
            // pages are fewer bytes per WAL frame: 4 KiB measured 15% more one-step commits per second
            // and 8% more concurrent executions than 8 KiB, which had been better while rows clustered
            // by execution (BENCHMARKS.md).
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
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
        // A new row's `stored_event_id` is 0 when no event comes with it, so later commits never scan for it.
        let recordArguments = try ExecutionRow.arguments(record, storedEventId: events.last?.eventId ?? 0)
        let rows = try EncodedRows(operations: operations, events: events, armTimers: timers)
        let outcome = try await writeImmediately { db -> CreateExecutionOutcome in
            if let existing = try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByArnSQL),
                                                        arguments: [record.arn]) {
                return .existing(existing)
            }
            if let existing = try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByNameSQL),
                                                        arguments: [record.functionName, record.executionName]) {
                return .existing(existing)
            }
            guard let key = try recordArguments.executeReturningInteger(db.cachedStatement(sql: ExecutionRow.insertSQL), in: db) else {
                throw SQLiteStoreError.missingExecutionKey(arn: record.arn)
            }
            try rows.write(db, key: key)
            return .created(record)
        }
        // Its first invocation follows at once: start it from what was just written, not a read.
        if case .created = outcome { cache.store(record, operations: OperationIndex(operations)) }
        return outcome
    }

    /// Applies a mutation under the version check, in one transaction.
    ///
    /// Rows are encoded here, in the caller's task, before the write joins a group: the group's
    /// transaction runs on SQLite's one writer thread, which then only binds and steps statements.
    public func commit(_ mutation: ExecutionMutation) async throws -> ExecutionRecord {
        let arn = mutation.record.arn
        var record = mutation.record
        record.version += 1
        let base = cache.record(arn, version: mutation.record.version)
        let progressOnly = base.map { ExecutionRow.changesOnlyProgress(record, from: $0) } ?? false
        let lastEvent = mutation.events.last?.eventId
        let recordArguments = progressOnly
            ? ExecutionRow.progressArguments(record, storedEventId: lastEvent)
            : try ExecutionRow.arguments(record, storedEventId: lastEvent)
        let rows = try await EncodedRows.encode(operations: mutation.operations, events: mutation.events,
                                                armTimers: mutation.armTimers)
        let disarm = mutation.disarmTimers.map(TimerRow.keyArguments)
        let callbacks = mutation.callbacks.map(CallbackRow.arguments)
        let expectedVersion = mutation.record.version
        let firstEventId = mutation.events.first?.eventId
        let checkedArguments = recordArguments
            + ExecutionRow.checkArguments(expectedVersion: expectedVersion, expectedEventId: firstEventId.map { $0 - 1 })
        let committed = record
        do {
            // The events must follow one another; that the first follows the stored ones is the UPDATE's check.
            for (previous, event) in zip(mutation.events, mutation.events.dropFirst()) where event.eventId != previous.eventId + 1 {
                throw ExecutionStoreError.eventIdGap(arn: arn, expected: previous.eventId + 1, got: event.eventId)
            }
            try await writeImmediately(affinity: arn) { [checkedArguments] db in
                let update = progressOnly ? ExecutionRow.updateProgressSQL : ExecutionRow.updateSQL
                try checkedArguments.execute(db.cachedStatement(sql: update), in: db)
                if db.changesCount != 1 {
                    throw try Self.failedCheck(db, arn: arn, expectedVersion: expectedVersion, firstEventId: firstEventId)
                }
                // Read separately: `UPDATE … RETURNING` measured slower than the UPDATE and this lookup.
                // Every row has a key since `v6`; a row without one must fail the commit, not file its
                // operations and events under a wrong key.
                var key: Int64 = 0
                if !rows.isEmpty {
                    guard let stored = try Int64.fetchOne(db.cachedStatement(sql: ExecutionRow.selectKeySQL), arguments: [arn]) else {
                        throw SQLiteStoreError.missingExecutionKey(arn: arn)
                    }
                    key = stored
                }
                // Disarm before arming, as the in-memory store does, so a mutation may re-arm a key it disarms.
                if !disarm.isEmpty {
                    let statement = try db.cachedStatement(sql: TimerRow.deleteSQL)
                    for arguments in disarm { try arguments.execute(statement, in: db) }
                }
                try rows.write(db, key: key)
                if !callbacks.isEmpty {
                    let index = try db.cachedStatement(sql: CallbackRow.upsertSQL)
                    for arguments in callbacks { try arguments.execute(index, in: db) }
                }
            }
        } catch {
            cache.remove(arn)
            throw error
        }
        cache.apply(committed: committed, baseVersion: expectedVersion, operations: mutation.operations, armedTimers: mutation.armTimers)
        return committed
    }

    /// Why a commit's guarded UPDATE changed no row: the execution is gone, another write moved its
    /// version, or its events do not follow the stored ones.
    private static func failedCheck(_ db: Database, arn: String, expectedVersion: Int, firstEventId: Int?) throws -> ExecutionStoreError {
        guard let check = try Row.fetchOne(db.cachedStatement(sql: ExecutionRow.selectCommitCheckSQL), arguments: [arn]) else {
            return .executionNotFound(arn: arn)
        }
        let stored: Int = check[0]
        if stored != expectedVersion { return .versionConflict(arn: arn, expected: expectedVersion, actual: stored) }
        let lastEvent = try (check[1] as Int?)
            ?? Int.fetchOne(db.cachedStatement(sql: EventRow.lastEventIdSQL), arguments: [arn]) ?? 0
        return .eventIdGap(arn: arn, expected: lastEvent + 1, got: firstEventId ?? lastEvent + 1)
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
            let selectKey = try db.cachedStatement(sql: ExecutionRow.selectKeySQL)
            let operations = try db.cachedStatement(sql: OperationRow.deleteForExecutionSQL)
            let events = try db.cachedStatement(sql: EventRow.deleteForExecutionSQL)
            for arn in arns {
                try timers.execute(arguments: [arn])
                try callbacks.execute(arguments: [arn])
                try logs.execute(arguments: [arn])
                if let key = try Int64.fetchOne(selectKey, arguments: [arn]) {
                    try operations.execute(arguments: [key])
                    try events.execute(arguments: [key])
                }
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

    /// Runs `body` in the next group transaction (see `GroupCommitWriter`), which is IMMEDIATE;
    /// `affinity` is the execution it writes, if any (a lone execution's writes run on the caller's thread).
    ///
    /// IMMEDIATE takes the write lock up front: a DEFERRED transaction that reads the version and then
    /// writes could find another process committed in between and fail with SQLITE_BUSY at once, without
    /// the busy timeout applying.
    func writeImmediately<T: Sendable>(affinity: String? = nil, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await group.write(affinity: affinity, body)
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
            try OperationRow.fetchAll(db.cachedStatement(sql: OperationRow.selectAllSQL), arguments: [executionArn])
        }
    }

    /// The execution's operations by id; for an execution with an invocation in flight, from the cache
    /// once the row's version shows nothing else wrote it.
    public func operationMap(executionArn: String) async throws -> OperationMap {
        let index = try await writer.read { [cache] db -> OperationIndex in
            let version = try Int.fetchOne(db.cachedStatement(sql: ExecutionRow.selectVersionSQL), arguments: [executionArn])
            if let version, let cached = cache.operations(executionArn, version: version) { return cached }
            return try Self.readThrough(executionArn, cache: cache, db)?.1 ?? OperationIndex()
        }
        return OperationMap(index: index)
    }

    /// The record and operations for one engine step. Unless `verified` is asked for, an execution
    /// with an invocation in flight is answered from the cache with no read at all: this process's
    /// own commits keep the entry current, and the commit's version check catches any other writer.
    public func snapshot(executionArn: String, verified: Bool) async throws -> ExecutionSnapshot? {
        if !verified, let (record, index) = cache.snapshot(executionArn) {
            return ExecutionSnapshot(record: record, operations: OperationMap(index: index), verified: false)
        }
        let found = try await writer.read { [cache] db -> (ExecutionRecord, OperationIndex)? in
            if let version = try Int.fetchOne(db.cachedStatement(sql: ExecutionRow.selectVersionSQL), arguments: [executionArn]),
               let record = cache.record(executionArn, version: version), let index = cache.operations(executionArn, version: version) {
                return (record, index)
            }
            return try Self.readThrough(executionArn, cache: cache, aboutToChange: true, db)
        }
        return found.map { ExecutionSnapshot(record: $0.0, operations: OperationMap(index: $0.1), verified: true) }
    }

    /// Reads the record and every operation in one snapshot and offers them to the cache.
    private static func readThrough(_ arn: String, cache: ExecutionCache, aboutToChange: Bool = false,
                                    _ db: Database) throws -> (ExecutionRecord, OperationIndex)? {
        guard let record = try ExecutionRow.fetchOne(db.cachedStatement(sql: ExecutionRow.selectByArnSQL), arguments: [arn]) else {
            return nil
        }
        let operations = try OperationRow.fetchAll(db.cachedStatement(sql: OperationRow.selectAllUnorderedSQL), arguments: [arn])
        let index = OperationIndex(operations)
        cache.store(record, operations: index, aboutToChange: aboutToChange)
        return (record, index)
    }

    /// The execution's operations changed after `sequence`, in start order.
    public func operations(executionArn: String, changedAfter sequence: Int) async throws -> [StoredOperation] {
        try await writer.read { db in
            try OperationRow.fetchAll(db.cachedStatement(sql: OperationRow.selectChangedAfterSQL), arguments: [executionArn, sequence])
        }
    }

    /// Up to `limit` events following `eventId` (exclusive) in the given direction.
    public func events(executionArn: String, after eventId: Int?, limit: Int, reverse: Bool) async throws -> [HistoryEvent] {
        // A negative limit returns nothing, as in the in-memory store.
        let limit = max(limit, 0)
        return try await writer.read { db in
            let statement = try db.cachedStatement(sql: reverse ? EventRow.selectReverseSQL : EventRow.selectForwardSQL)
            let bound = eventId ?? (reverse ? Int.max : 0)
            return try EventRow.page(String.fetchCursor(statement, arguments: [executionArn, bound]), after: bound, limit: limit,
                                     reverse: reverse)
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
            let records = try page.map(ExecutionRow.record)
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
