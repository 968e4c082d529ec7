import DurableModel
import DurableServer
@testable import DurableSQLite
import Foundation
import Testing

private typealias F = StoreFixture

/// Group commit (concurrent commits folded into one transaction, each in its own savepoint) and the
/// cache of decoded operations, which must never hide another writer's changes.
@Suite("SQLiteExecutionStore group commit and operation cache")
struct GroupCommitTests {
    @Test func concurrentCommitsShareTransactionsAndAllLand() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        var records: [ExecutionRecord] = []
        for index in 0..<40 {
            let record = F.record("g\(index)")
            _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
            records.append(record)
        }
        _ = store.takeCommitStatistics()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for record in records {
                group.addTask {
                    var current = record
                    for eventId in 2...4 {
                        current = try await store.commit(ExecutionMutation(
                            record: current, operations: [F.operation("op\(eventId)", position: eventId, sequence: eventId)],
                            events: [F.event(eventId)]))
                    }
                }
            }
            try await group.waitForAll()
        }
        let statistics = store.takeCommitStatistics()
        #expect(statistics.commits == 120)
        // Forty writers at once cannot each get a transaction of their own while one fsync is under way.
        #expect(statistics.transactions < statistics.commits)
        #expect(statistics.largestGroup > 1)
        for record in records {
            #expect(try await store.execution(arn: record.arn)?.version == 3)
            #expect(try await store.operations(executionArn: record.arn).map(\.id) == ["op2", "op3", "op4"])
        }
    }

    /// One execution's commits, coming one at a time, get a transaction each (written on the caller's
    /// thread once the first has gone through the queue); a failed one (a stale version) fails alone and
    /// leaves the writer usable for the next.
    @Test func sequentialCommitsAreWrittenOneByOneAndAFailureReleasesTheWriter() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        var current = F.record("s")
        _ = try await store.createExecution(current, operations: [], events: [F.event(1)], timers: [])
        _ = store.takeCommitStatistics()
        for eventId in 2...6 {
            current = try await store.commit(ExecutionMutation(
                record: current, operations: [F.operation("op\(eventId)", position: eventId, sequence: eventId)],
                events: [F.event(eventId)]))
        }
        var stale = current
        stale.version -= 1
        await #expect(throws: ExecutionStoreError.self) {
            _ = try await store.commit(ExecutionMutation(record: stale, operations: [], events: [F.event(7)]))
        }
        current = try await store.commit(ExecutionMutation(record: current, operations: [], events: [F.event(7)]))
        let statistics = store.takeCommitStatistics()
        // The statistics count writes that went through the writer, the failed one too.
        #expect(statistics.commits == 7)
        #expect(statistics.transactions == 7)
        #expect(statistics.largestGroup == 1)
        #expect(try await store.execution(arn: current.arn)?.version == current.version)
        #expect(try await store.operations(executionArn: current.arn).map(\.id) == (2...6).map { "op\($0)" })
        #expect(try await store.events(executionArn: current.arn, after: nil, limit: 100, reverse: false).map(\.eventId) == Array(1...7))
    }

    /// Also with map-sized commits, whose event batch is encoded in a second task: a group written
    /// again with savepoints after a conflict stores their rows once, and none of a failed one's.
    @Test(arguments: [1, EncodedRows.concurrentEncodingThreshold])
    func aConflictInAGroupFailsOnlyThatCommit(operationsPerCommit: Int) async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        var records: [ExecutionRecord] = []
        for index in 0..<30 {
            let record = F.record("c\(index)")
            _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
            records.append(record)
        }
        // Every other commit carries a version that is not the stored one.
        let outcomes = await withTaskGroup(of: (Int, Bool?).self) { group in
            for (index, record) in records.enumerated() {
                group.addTask {
                    var stale = record
                    if index.isMultiple(of: 2) { stale.version = 7 }
                    let mutation = ExecutionMutation(
                        record: stale, operations: (1...operationsPerCommit).map { F.operation("op\($0)", position: $0, sequence: 2) },
                        events: (2...operationsPerCommit + 1).map { F.event($0) })
                    do {
                        _ = try await store.commit(mutation)
                        return (index, true)
                    } catch ExecutionStoreError.versionConflict {
                        return (index, false)
                    } catch {
                        // Any other error is wrong for both kinds of commit.
                        return (index, nil)
                    }
                }
            }
            return await group.reduce(into: [Int: Bool?]()) { $0[$1.0] = $1.1 }
        }
        for (index, record) in records.enumerated() {
            let landed = !index.isMultiple(of: 2)
            #expect(outcomes[index] == .some(landed))
            #expect(try await store.execution(arn: record.arn)?.version == (landed ? 1 : 0))
            #expect(try await store.operations(executionArn: record.arn).count == (landed ? operationsPerCommit : 0))
            let events = try await store.events(executionArn: record.arn, after: nil, limit: 1000, reverse: false)
            #expect(events.count == (landed ? operationsPerCommit + 1 : 1))
        }
    }

    @Test func anotherWriterOnTheFileIsSeenThroughTheCache() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two pools on one file stand in for two server processes.
        let first = try SQLiteExecutionStore(path: path)
        let second = try SQLiteExecutionStore(path: path)
        defer { try? first.close(); try? second.close() }
        var record = F.record("shared")
        // Only executions with an invocation queued or running are cached.
        record.invocationPhase = .running
        _ = try await first.createExecution(record, operations: [F.operation("a", position: 1, sequence: 1)],
                                            events: [F.event(1)], timers: [])
        #expect(try await Self.ordered(first, record.arn).map(\.id) == ["a"])
        record = try await first.commit(ExecutionMutation(record: record, operations: [F.operation("b", position: 2, sequence: 2)],
                                                          events: [F.event(2)]))
        #expect(try await Self.ordered(first, record.arn).map(\.id) == ["a", "b"])

        // The other process changes the execution behind the first one's cache.
        var other = try #require(try await second.execution(arn: record.arn))
        other.result = "from-second"
        _ = try await second.commit(ExecutionMutation(
            record: other, operations: [F.operation("a", position: 1, sequence: 3, status: .succeeded),
                                        F.operation("c", position: 3, sequence: 4)],
            events: [F.event(3)]))

        let seen = try await Self.ordered(first, record.arn)
        #expect(seen.map(\.id) == ["a", "b", "c"])
        #expect(seen.first?.operation.status == .succeeded)
        #expect(try await first.execution(arn: record.arn)?.result == "from-second")
        #expect(try await first.execution(arn: record.arn)?.version == 2)
        // A commit built on the stale version conflicts instead of overwriting.
        await #expect(throws: ExecutionStoreError.self) {
            _ = try await first.commit(ExecutionMutation(record: record, events: [F.event(3)]))
        }
    }

    @Test func cachedOperationsMatchAFreshReadAfterManyCommits() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteExecutionStore(path: path)
        defer { try? store.close() }
        var record = F.record("long")
        record.invocationPhase = .running
        _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
        _ = try await store.operationMap(executionArn: record.arn)
        for index in 1...50 {
            // Each commit adds one operation and finishes the one before it.
            var changed = [F.operation("op\(index)", position: index, sequence: 2 * index)]
            if index > 1 {
                changed.append(F.operation("op\(index - 1)", position: index - 1, sequence: 2 * index + 1, status: .succeeded))
            }
            record = try await store.commit(ExecutionMutation(record: record, operations: changed, events: [F.event(index + 1)]))
            #expect(try await store.execution(arn: record.arn) == record)
            #expect(try await Self.ordered(store, record.arn).count == index)
        }
        let cached = try await Self.ordered(store, record.arn)
        let fresh = try SQLiteExecutionStore(path: path)
        defer { try? fresh.close() }
        #expect(try await fresh.operations(executionArn: record.arn) == cached)
        #expect(cached.map(\.position) == Array(1...50))
        #expect(cached.dropLast().allSatisfy { $0.operation.status == .succeeded })
    }

    /// The operations through the engine's (cached) path, in start order.
    static func ordered(_ store: SQLiteExecutionStore, _ arn: String) async throws -> [StoredOperation] {
        try await store.operationMap(executionArn: arn).values.sorted { $0.position < $1.position }
    }
}
