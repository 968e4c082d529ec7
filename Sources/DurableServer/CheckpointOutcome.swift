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

/// A chained invoke to start once its CHAINED_INVOKE operation is committed.
public struct ChainedInvokeDispatch: Sendable, Hashable {
    /// The parent's operation id.
    public var operationId: String
    /// The resolved target.
    public var target: ChainedTarget
    /// The input payload (`{}` when absent).
    public var payload: String
    /// The tenant.
    public var tenantId: String?
    /// The trace header for the target.
    public var traceHeader: String?
    /// The child execution ARN for durable targets.
    public var childExecutionArn: String?

    /// Creates a dispatch.
    public init(operationId: String, target: ChainedTarget, payload: String, tenantId: String? = nil,
                traceHeader: String? = nil, childExecutionArn: String? = nil) {
        self.operationId = operationId
        self.target = target
        self.payload = payload
        self.tenantId = tenantId
        self.traceHeader = traceHeader
        self.childExecutionArn = childExecutionArn
    }
}
