import Foundation

/// A store several engine nodes share: work is claimed with leases instead of queued in memory.
///
/// A lease names its owner node and an expiry measured on the database's clock, so nodes with skewed
/// clocks agree on when it ended. Leases are only about who does the work; correctness still rests on
/// `commit`'s version check, which makes each state change (a timer firing, an invocation starting)
/// happen once even if two nodes race.
public protocol SharedWorkStore: ExecutionStore {
    /// Leases up to `limit` executions to `owner`: RUNNING ones with a queued invocation, or with a
    /// running invocation whose lease expired, skipping rows other nodes are claiming.
    func claimInvocations(owner: String, limit: Int, lease: Duration) async throws -> [InvocationClaim]
    /// Extends `owner`'s leases on these executions; returns the ones it still holds.
    func renewLeases(owner: String, executionArns: [String], lease: Duration) async throws -> Set<String>
    /// Gives up `owner`'s lease on an execution (no-op if another node took it over).
    func releaseLease(owner: String, executionArn: String) async throws
    /// Leases up to `limit` timers due at `now` that no live lease holds, earliest first.
    func claimDueTimers(owner: String, at now: Date, limit: Int, lease: Duration) async throws -> [DurableTimer]
    /// The earliest due date among timers no live lease holds.
    func nextUnclaimedTimerDate() async throws -> Date?
    /// Tells every listening node that work was queued or a timer armed.
    func announceWork() async throws
    /// Calls `wake` for every announcement until the task is cancelled.
    func listenForWork(_ wake: @escaping @Sendable () -> Void) async throws
}
