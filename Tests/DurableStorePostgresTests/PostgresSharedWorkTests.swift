import DurableModel
import DurableServer
import DurableStorePostgres
import Foundation
import Synchronization
import Testing

/// The leases several nodes share work through: exclusive claims, takeover after expiry, timer claims
/// and the work announcements.
@Suite("PostgresExecutionStore shared work", .enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipReason))
struct PostgresSharedWorkTests {
    static let lease = Duration.seconds(30)

    static func create(_ store: PostgresExecutionStore, _ name: String, phase: InvocationPhase) async throws -> ExecutionRecord {
        var record = PostgresExecutionStoreTests.record(name)
        record.invocationPhase = phase
        let outcome = try await store.createExecution(record, operations: [], events: [], timers: [])
        guard case .created(let stored) = outcome else {
            throw PostgresExecutionStoreTests.UnexpectedOutcome(description: "creating \(name): \(outcome)")
        }
        return stored
    }

    @Test func claimsAreExclusiveAndBoundedByTheLimit() async throws {
        try await RunningStore.with { running in
            let store = running.store
            for i in 0..<5 { _ = try await Self.create(store, "queued-\(i)", phase: .queued) }
            _ = try await Self.create(store, "idle", phase: .idle)
            let first = try await store.claimInvocations(owner: "a", limit: 3, lease: Self.lease)
            let second = try await store.claimInvocations(owner: "b", limit: 10, lease: Self.lease)
            let third = try await store.claimInvocations(owner: "a", limit: 10, lease: Self.lease)
            #expect(first.count == 3)
            #expect(second.count == 2)
            #expect(third.isEmpty)
            #expect(Set(first.map(\.executionArn)).isDisjoint(with: second.map(\.executionArn)))
            #expect(!(first + second).contains { $0.interrupted })
        }
    }

    @Test func racingClaimersNeverShareAnExecution() async throws {
        try await RunningStore.with { running in
            let store = running.store
            for i in 0..<40 { _ = try await Self.create(store, "race-\(i)", phase: .queued) }
            let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
                for owner in 0..<8 {
                    group.addTask {
                        var mine: [String] = []
                        while true {
                            let claims = try await store.claimInvocations(owner: "node-\(owner)", limit: 2, lease: Self.lease)
                            if claims.isEmpty { return mine }
                            mine += claims.map(\.executionArn)
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(claimed.count == 40)
            #expect(Set(claimed).count == 40)
        }
    }

    @Test func anExpiredLeaseIsTakenOverAndTheOldOwnerLosesIt() async throws {
        try await RunningStore.with { running in
            let store = running.store
            let record = try await Self.create(store, "running", phase: .running)
            let short = Duration.milliseconds(300)
            #expect(try await store.claimInvocations(owner: "dead", limit: 1, lease: short).map(\.executionArn) == [record.arn])
            #expect(try await store.claimInvocations(owner: "live", limit: 1, lease: Self.lease).isEmpty)
            try await Task.sleep(for: .milliseconds(600))
            let takeover = try await store.claimInvocations(owner: "live", limit: 1, lease: Self.lease)
            #expect(takeover == [InvocationClaim(executionArn: record.arn, interrupted: true)])
            #expect(try await store.renewLeases(owner: "dead", executionArns: [record.arn], lease: Self.lease).isEmpty)
            #expect(try await store.renewLeases(owner: "live", executionArns: [record.arn], lease: Self.lease) == [record.arn])
            // A release by the old owner changes nothing; the live owner's release frees the row at once.
            try await store.releaseLease(owner: "dead", executionArn: record.arn)
            #expect(try await store.claimInvocations(owner: "third", limit: 1, lease: Self.lease).isEmpty)
            try await store.releaseLease(owner: "live", executionArn: record.arn)
            #expect(try await store.claimInvocations(owner: "third", limit: 1, lease: Self.lease).count == 1)
        }
    }

    @Test func dueTimersAreClaimedOnceAndReArmingReleasesThem() async throws {
        try await RunningStore.with { running in
            let store = running.store
            let record = try await Self.create(store, "timers", phase: .idle)
            let now = PostgresExecutionStoreTests.start
            let wait = DurableTimer(executionArn: record.arn, kind: .waitEnd, operationId: "w", dueAt: now.addingTimeInterval(-1))
            let later = DurableTimer(executionArn: record.arn, kind: .executionTimeout, dueAt: now.addingTimeInterval(60))
            _ = try await store.commit(ExecutionMutation(record: record, armTimers: [wait, later]))
            #expect(try await store.claimDueTimers(owner: "a", at: now, limit: 10, lease: Self.lease) == [wait])
            #expect(try await store.claimDueTimers(owner: "b", at: now, limit: 10, lease: Self.lease).isEmpty)
            // The claimed timer no longer counts as the next one to wake up for.
            #expect(try await store.nextUnclaimedTimerDate() == later.dueAt)
            // Re-arming (a heartbeat moving a timer) clears its lease.
            guard let current = try await store.execution(arn: record.arn) else { throw CancellationError() }
            _ = try await store.commit(ExecutionMutation(record: current, armTimers: [wait]))
            #expect(try await store.claimDueTimers(owner: "b", at: now, limit: 10, lease: Self.lease) == [wait])
        }
    }

    @Test func announcementsWakeListeners() async throws {
        try await RunningStore.with { running in
            let store = running.store
            let wakes = WakeCounter()
            let listener = Task { try await store.listenForWork { wakes.bump() } }
            defer { listener.cancel() }
            // The listener wakes once when it starts; then each announcement wakes it again.
            try await wakes.wait(atLeast: 1)
            try await store.announceWork()
            try await wakes.wait(atLeast: 2)
            listener.cancel()
            _ = await listener.result
        }
    }
}

/// Counts `listenForWork` wake-ups for the announcement test.
final class WakeCounter: Sendable {
    private let count = Mutex(0)

    func bump() { count.withLock { $0 += 1 } }

    /// Polls until at least `target` wake-ups were counted; fails after five seconds.
    func wait(atLeast target: Int) async throws {
        for _ in 0..<500 {
            if count.withLock({ $0 }) >= target { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("expected \(target) wake-ups, got \(count.withLock { $0 })")
    }
}
