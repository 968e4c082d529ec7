import DurableModel

/// What a valid checkpoint batch changes; the engine numbers and commits it.
public struct CheckpointOutcome: Sendable {
    /// Changed or new operations (final state), in the order the batch first touched them.
    /// New operations carry position -1 and sequence 0 until the engine assigns them.
    public var operations: [StoredOperation] = []
    /// One event per update, in update order, with `eventId` 0 until the engine numbers them.
    public var events: [HistoryEvent] = []
    /// Timers to arm.
    public var armTimers: [DurableTimer] = []
    /// Timers to remove.
    public var disarmTimers: [TimerKey] = []
    /// Callback ids minted by CALLBACK starts.
    public var callbacks: [CallbackIndexEntry] = []
    /// The execution outcome an EXECUTION update recorded.
    public var completion: ExecutionCompletion?
    /// Chained invokes to dispatch after the commit.
    public var chainedInvokes: [ChainedInvokeDispatch] = []

    /// Creates an empty outcome.
    public init() {}
}
