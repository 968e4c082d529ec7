import DurableModel
import DurableServer
@testable import DurableSQLite
import Foundation
import GRDB
import Testing

/// What only a file-backed store can show: durability settings, reopening, concurrent writers.
@Suite("SQLite file")
struct SQLiteFileTests {
    typealias F = StoreFixture

    @Test func everythingSurvivesCloseAndReopen() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }

        let record = F.record("durable")
        let exec = F.operation("exec", position: 0, sequence: 1)
        let step = F.operation("s", position: 1, sequence: 2)
        let timer = DurableTimer(executionArn: record.arn, kind: .waitEnd, operationId: "s", dueAt: F.t0.addingTimeInterval(5))
        let entry = CallbackIndexEntry(callbackId: "cb", executionArn: record.arn, operationId: "s")
        let committed: ExecutionRecord
        do {
            let store = try SQLiteExecutionStore(path: path)
            _ = try await store.createExecution(record, operations: [exec], events: [F.event(1)], timers: [])
            var next = record
            next.invocationPhase = .queued
            committed = try await store.commit(ExecutionMutation(record: next, operations: [step], events: [F.event(2, operationId: "s")],
                                                                 armTimers: [timer], callbacks: [entry]))
            try store.close()
        }

        let reopened = try SQLiteExecutionStore(path: path)
        defer { try? reopened.close() }
        #expect(try await reopened.execution(arn: record.arn) == committed)
        #expect(try await reopened.execution(functionName: "orders", executionName: "durable") == committed)
        #expect(try await reopened.operations(executionArn: record.arn) == [exec, step])
        #expect(try await reopened.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) == [F.event(1), F.event(2, operationId: "s")])
        #expect(try await reopened.dueTimers(at: timer.dueAt, limit: 10) == [timer])
        #expect(try await reopened.callback(id: "cb") == entry)
        #expect(try await reopened.executionsAwaitingInvocation() == [committed])
        // The version check carries over too.
        await #expect(throws: ExecutionStoreError.versionConflict(arn: record.arn, expected: 0, actual: 1)) {
            try await reopened.commit(ExecutionMutation(record: record))
        }
        #expect(try await reopened.commit(ExecutionMutation(record: committed)).version == 2)
    }

    @Test func theFileIsInWALModeWithFullSyncAndForeignKeysAndAVersionedSchema() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        let (journal, synchronous, foreignKeys, migrations) = try await store.writer.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try SQLiteSchema.migrator.appliedIdentifiers(db))
        }
        let pageSize = try await store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        #expect(pageSize == 4096)
        #expect(journal == "wal")
        #expect(synchronous == 2) // FULL
        #expect(foreignKeys == 1)
        #expect(migrations == ["v1", "v2", "functions-v1", "v3-progress", "v4-lean-operation-indexes", "v5-event-batches",
                               "v6-rows-in-write-order"])
        // Readers get the same settings: synchronous is per connection.
        let readerSynchronous = try await store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(readerSynchronous == 2)
    }

    @Test func aFileAtV1UpgradesInPlaceAndKeepsItsExecutions() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = { var record = F.record("old"); record.lastEventId = 3; return record }()
        let oldEvents = (1...3).map { F.event($0, operationId: "old-\($0)") }
        let oldOperation = F.operation("old-1", position: 1, sequence: 1)
        do {
            // A file written by a build that only knew v1.
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            let pool = try DatabasePool(path: path)
            try SQLiteSchema.migrator.migrate(pool, upTo: "v1")
            // The row as that build wrote it: every field in the `record` document, no progress columns.
            try await pool.write { db in
                try db.execute(sql: """
                    INSERT INTO executions (arn, function_name, qualifier, execution_name, status, invocation_phase,
                                            start_ms, started_at, ended_at, purge_after, version, record)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)
                    """, arguments: [record.arn, record.functionName, record.qualifier, record.executionName,
                                      record.status.rawValue, record.invocationPhase.rawValue, record.startTimestamp.epochMillis,
                                      record.startTimestamp.columnSeconds, record.version, try StoreJSON.encode(record)])
                // An operation row as v1 to v5 filed it, under the execution's ARN.
                try db.execute(sql: "INSERT INTO operations (execution_arn, id, position, sequence, operation, meta) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [record.arn, oldOperation.id, oldOperation.position, oldOperation.sequence,
                                           String(decoding: try JSONEncoder().encode(oldOperation.operation), as: UTF8.self),
                                           String(decoding: try JSONEncoder().encode(oldOperation.meta), as: UTF8.self)])
                // Its events, one row each as v1 to v4 kept them.
                for event in oldEvents {
                    try db.execute(sql: "INSERT INTO events (execution_arn, event_id, event) VALUES (?, ?, ?)",
                                   arguments: [record.arn, event.eventId, String(decoding: try JSONEncoder().encode(event), as: UTF8.self)])
                }
            }
            try pool.close()
        }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        #expect(try await store.execution(arn: record.arn) == record)
        #expect(try await store.writer.read { db in try SQLiteSchema.migrator.appliedIdentifiers(db) }
            == ["v1", "v2", "functions-v1", "v3-progress", "v4-lean-operation-indexes", "v5-event-batches",
                               "v6-rows-in-write-order"])
        // An existing file keeps the page size it was created with.
        #expect(try await store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4096)
        // The old row takes checkpoints: events continue its history, progress lands in the new columns.
        var next = record
        next.lastSequence += 1
        next.lastEventId += 1
        let event = HistoryEvent(eventType: .stepStarted, eventId: record.lastEventId + 1, eventTimestamp: record.startTimestamp, id: "s")
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) == oldEvents)
        #expect(try await store.operations(executionArn: record.arn) == [oldOperation])
        let committed = try await store.commit(ExecutionMutation(record: next, events: [event]))
        #expect(try await store.execution(arn: record.arn) == committed)
        // The migrated events (batches of one) and the new batch read as one history, both ways and in pages.
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) == oldEvents + [event])
        #expect(try await store.events(executionArn: record.arn, after: 2, limit: 2, reverse: false) == [oldEvents[2], event])
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 3, reverse: true) == [event, oldEvents[2], oldEvents[1]])
        let line = ExecutionLogRecord(timestamp: Date(timeIntervalSince1970: 1_800_000_000.125), executionArn: record.arn,
                                      requestId: "r", level: "INFO", message: "hello")
        try await store.appendLogs(executionArn: record.arn, records: [line])
        #expect(try await store.logs(executionArn: record.arn, after: 0, limit: 10) == [line])
    }

    @Test func thePreallocatedWALTailIsNoFrameToRecovery() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        let size = { (file: String) in (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0 }
        #expect(try size(path + "-wal") == SQLiteExecutionStore.walPreallocationBytes)
        let record = F.record("pre")
        _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
        var next = record
        next.lastEventId = 2
        _ = try await store.commit(ExecutionMutation(record: next, events: [F.event(2, operationId: "s")]))
        // The commits went into the preallocated space; the file did not grow.
        #expect(try size(path + "-wal") == SQLiteExecutionStore.walPreallocationBytes)
        // A copy of the files as they are now stands for a crash: recovery must find both commits in the
        // WAL and take the zeros after them for the end of the log, not for frames.
        let (copyDirectory, copyPath) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: copyDirectory) }
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: copyPath).deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: copyPath)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copyPath + "-wal")
        let recovered = try SQLiteExecutionStore(path: copyPath)
        defer { try? recovered.close() }
        #expect(try await recovered.execution(arn: record.arn)?.lastEventId == 2)
        #expect(try await recovered.events(executionArn: record.arn, after: nil, limit: 10, reverse: false)
            == [F.event(1), F.event(2, operationId: "s")])
    }

    @Test func aFileMigratedByANewerBuildIsRefused() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let store = try SQLiteExecutionStore(path: path)
            try await store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
            }
            try store.close()
        }
        #expect(throws: SQLiteStoreError.schemaFromNewerBuild(path: path, unknownMigrations: ["v99"])) {
            try SQLiteExecutionStore(path: path)
        }
    }

    @Test func commitsFromTwoStoresOnOneFileConflictInsteadOfLosingUpdates() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two pools on one file stand in for two server processes.
        let first = try SQLiteExecutionStore(path: path)
        let second = try SQLiteExecutionStore(path: path)
        defer { try? first.close(); try? second.close() }
        let record = F.record("race")
        _ = try await first.createExecution(record, operations: [], events: [F.event(1)], timers: [])
        let read = try #require(try await second.execution(arn: record.arn))

        let results = await withTaskGroup(of: Bool.self) { group in
            for (index, store) in [first, second].enumerated() {
                group.addTask {
                    var mutation = ExecutionMutation(record: read, events: [F.event(2, operationId: "writer-\(index)")])
                    mutation.record.result = "writer-\(index)"
                    do { _ = try await store.commit(mutation); return true } catch { return false }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let stored = try #require(try await first.execution(arn: record.arn))
        #expect(stored.version == 1)
        let events = try await second.events(executionArn: record.arn, after: nil, limit: 10, reverse: false)
        #expect(events.map(\.eventId) == [1, 2])
        #expect(events.last?.id == stored.result)
    }

    @Test func manyConcurrentCommitsOnDistinctExecutionsAllLand() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    var record = F.record("n\(index)")
                    _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
                    for eventId in 2...6 {
                        record = try await store.commit(ExecutionMutation(record: record, events: [F.event(eventId)]))
                    }
                }
            }
            try await group.waitForAll()
        }
        let page = try await store.listExecutions(ExecutionListQuery(functionName: "orders"))
        #expect(page.records.count == 20)
        #expect(page.records.allSatisfy { $0.version == 5 })
    }

    @Test func hotQueriesSearchAnIndexInsteadOfScanningATable() async throws {
        let store = try SQLiteExecutionStore.makeInMemory()
        let listing = ExecutionListQuery(functionName: "f", qualifier: "q", statuses: [.running, .failed], reverseOrder: true)
        let statements = [
            ExecutionRow.selectByArnSQL, ExecutionRow.selectByNameSQL, ExecutionRow.selectVersionSQL, ExecutionRow.updateSQL,
            ExecutionRow.selectAwaitingInvocationSQL, ExecutionRow.selectPurgeableSQL, ExecutionRow.deleteSQL,
            OperationRow.selectAllSQL, OperationRow.selectChangedAfterSQL,
            EventRow.lastEventIdSQL, EventRow.selectForwardSQL, EventRow.selectReverseSQL,
            TimerRow.selectDueSQL, TimerRow.selectNextDueSQL, TimerRow.selectForExecutionSQL, TimerRow.deleteSQL,
            TimerRow.deleteForExecutionSQL, CallbackRow.selectSQL, CallbackRow.deleteForExecutionSQL,
            LogRow.lastSequenceSQL, LogRow.selectSQL, LogRow.deleteForExecutionSQL,
            ExecutionListRequest(query: listing, cursor: ExecutionListMarker(startMillis: 1, arn: "a")).sql,
            ExecutionListRequest(query: ExecutionListQuery(functionName: "f"), cursor: nil).sql,
        ]
        let plans = try await store.writer.read { db in
            try statements.map { sql in
                // Parameters stay unbound (NULL): the plan does not depend on their values.
                let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                statement.setUncheckedArguments([])
                return try (sql, Row.fetchAll(statement).map { $0["detail"] as String })
            }
        }
        for (sql, details) in plans {
            // "SCAN t" reads the whole table; "SCAN t USING INDEX" walks a (here partial) index.
            let scans = details.filter { $0.hasPrefix("SCAN") && !$0.contains("INDEX") }
            #expect(scans.isEmpty, "\(sql) => \(details)")
        }
    }
}
