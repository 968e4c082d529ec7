import DurableModel
import DurableServer
import DurableStorePostgres
import Foundation
import PostgresNIO
import Testing

/// What the conformance checks cannot show: reconnects, racing nodes and concurrent migration.
@Suite("PostgresExecutionStore", .enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipReason))
struct PostgresExecutionStoreTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func record(_ name: String) -> ExecutionRecord {
        let arn = DurableExecutionARN(region: "us-east-1", accountId: "123456789012", functionName: "fn", qualifier: "$LATEST",
                                      executionName: name, executionId: "id-\(name)")
        return ExecutionRecord(arn: arn.description, functionName: "fn", qualifier: "$LATEST", executionName: name,
                               executionId: "id-\(name)", functionArn: arn.functionArn, executedVersion: "$LATEST",
                               startTimestamp: start, inputPayload: "{}", executionTimeoutSeconds: 3600, retentionPeriodDays: 1)
    }

    static func create(_ store: PostgresExecutionStore, _ name: String) async throws -> ExecutionRecord {
        let outcome = try await store.createExecution(record(name), operations: [], events: [], timers: [])
        guard case .created(let stored) = outcome else { throw UnexpectedOutcome(description: "creating \(name): \(outcome)") }
        return stored
    }

    struct UnexpectedOutcome: Error, CustomStringConvertible {
        var description: String
    }

    @Test func survivesTheServerDroppingItsConnections() async throws {
        try await RunningStore.with { running in try await Self.survivesTheServerDroppingItsConnections(running) }
    }

    static func survivesTheServerDroppingItsConnections(_ running: RunningStore) async throws {
        let created = try await Self.create(running.store, "before")
        try await PostgresTestServer.terminateConnections(to: running.database)
        // A pooled connection can be handed out in the instant before its close is noticed; the pool then
        // opens a new one, so a caller sees at most one failed call. Retry for up to five seconds.
        var reread: ExecutionRecord?
        for _ in 0..<50 {
            if let found = try? await running.store.execution(arn: created.arn) {
                reread = found
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(reread == created)
        var mutation = ExecutionMutation(record: created)
        mutation.record.status = .succeeded
        let committed = try await running.store.commit(mutation)
        #expect(committed.version == created.version + 1)
        _ = try await Self.create(running.store, "after")
        #expect(try await running.store.listExecutions(ExecutionListQuery(functionName: "fn")).records.count == 2)
    }

    @Test func twoStoresRacingACommitLetExactlyOneWin() async throws {
        try await RunningStore.with { first in
            let second = try await RunningStore.start(database: first.database)
            do {
                try await Self.race(first.store, second.store)
            } catch {
                await second.stop()
                throw error
            }
            await second.stop()
        }
    }

    static func race(_ first: PostgresExecutionStore, _ second: PostgresExecutionStore) async throws {
        for round in 0..<20 {
            let base = try await Self.create(first, "race\(round)")
            // Both nodes read version `base.version` and commit different outcomes at the same moment.
            let outcomes = await withTaskGroup(of: Result<ExecutionRecord, any Error>.self) { group in
                for (store, status) in [(first, ExecutionStatus.succeeded), (second, .failed)] {
                    group.addTask {
                        var mutation = ExecutionMutation(record: base,
                                                         events: [HistoryEvent(eventType: .executionSucceeded, eventId: 1,
                                                                               eventTimestamp: Self.start)])
                        mutation.record.status = status
                        mutation.record.lastEventId = 1
                        do {
                            return .success(try await store.commit(mutation))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            try #require(winners.count == 1, "round \(round): \(outcomes)")
            let loser = outcomes.compactMap { outcome -> (any Error)? in
                if case .failure(let error) = outcome { return error } else { return nil }
            }
            #expect(loser.first as? ExecutionStoreError
                == .versionConflict(arn: base.arn, expected: base.version, actual: base.version + 1))
            let stored = try await second.execution(arn: base.arn)
            #expect(stored == winners[0])
            // Only the winner's event is in the history.
            let events = try await first.events(executionArn: base.arn, after: nil, limit: 10, reverse: false)
            #expect(events.map(\.eventId) == [1])
        }
    }

    @Test func nodesStartingTogetherMigrateOnce() async throws {
        let (name, _) = try await PostgresTestServer.freshDatabase()
        let stores = try await withThrowingTaskGroup(of: RunningStore.self) { group in
            for _ in 0..<4 { group.addTask { try await RunningStore.start(database: name) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        defer {
            Task {
                for store in stores { await store.stop() }
                await PostgresTestServer.dropDatabase(name)
            }
        }
        // Every node sees the schema; a second migrate is a no-op.
        _ = try await Self.create(stores[0].store, "m")
        try await stores[1].store.migrate()
        #expect(try await stores[3].store.execution(functionName: "fn", executionName: "m") != nil)
    }

    @Test func rejectsURLsItCannotHonour() {
        #expect(throws: PostgresStoreError.self) { try PostgresExecutionStore.configuration(url: "mysql://u@h/db") }
        #expect(throws: PostgresStoreError.self) {
            try PostgresExecutionStore.configuration(url: "postgres://u@h/db?sslmode=require")
        }
        let parsed = try? PostgresExecutionStore.configuration(url: "postgres://me:p%40ss@db.local:6000/durable")
        #expect(parsed?.host == "db.local" && parsed?.port == 6000 && parsed?.username == "me")
        #expect(parsed?.password == "p@ss" && parsed?.database == "durable")
    }
}
