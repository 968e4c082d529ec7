/// An execution whose invocation this node leased from a shared store.
public struct InvocationClaim: Sendable, Hashable {
    /// The execution.
    public var executionArn: String
    /// Whether an invocation was already running under a lease that expired (its node died or stalled).
    public var interrupted: Bool

    /// Creates a claim.
    public init(executionArn: String, interrupted: Bool) {
        self.executionArn = executionArn
        self.interrupted = interrupted
    }
}
