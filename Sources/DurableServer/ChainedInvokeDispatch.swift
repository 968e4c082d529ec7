import DurableModel

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
