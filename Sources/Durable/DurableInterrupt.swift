/// Control-flow signals that unwind workflow code; the runtime, not user code, decides the outcome.
enum DurableInterrupt: Error, Sendable {
    /// Every task is blocked on the service: the invocation ends with `PENDING`.
    case suspended
    /// A checkpoint call failed; the runtime reports it after unwinding.
    case checkpointFailed
    /// The enclosing context already closed; its descendants must not checkpoint (orphan rule).
    case orphaned
    /// The branch was abandoned (its batch completed early) while it waited.
    case cancelled
}
