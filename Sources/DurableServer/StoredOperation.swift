import DurableModel

/// An operation row: the wire operation plus the engine's ordering and change bookkeeping.
public struct StoredOperation: Codable, Sendable, Hashable {
    /// The operation as the handler sees it.
    public var operation: Operation
    /// The start order within the execution (the EXECUTION operation is 0).
    public var position: Int
    /// The execution-wide change sequence number of the last change to this operation.
    public var sequence: Int
    /// Settings the wire operation does not carry but timers and events need.
    public var meta: OperationMeta

    /// Creates a row.
    public init(operation: Operation, position: Int = 0, sequence: Int = 0, meta: OperationMeta = OperationMeta()) {
        self.operation = operation
        self.position = position
        self.sequence = sequence
        self.meta = meta
    }

    /// The operation id.
    public var id: String { operation.id }
}

/// Engine-only settings of an operation.
public struct OperationMeta: Codable, Sendable, Hashable {
    /// WAIT length in seconds (for `WaitSucceeded.Duration`).
    public var waitSeconds: Int?
    /// CALLBACK timeout in seconds (0 or nil = none).
    public var callbackTimeoutSeconds: Int?
    /// CALLBACK heartbeat timeout in seconds (0 or nil = none).
    public var callbackHeartbeatSeconds: Int?
    /// CHAINED_INVOKE child execution ARN for durable targets.
    public var chainedChildArn: String?
    /// CHAINED_INVOKE target function name as resolved.
    public var chainedFunctionName: String?
    /// CHAINED_INVOKE child timeout in seconds (for the timed-out message).
    public var chainedTimeoutSeconds: Int?

    /// Creates empty metadata.
    public init(waitSeconds: Int? = nil, callbackTimeoutSeconds: Int? = nil, callbackHeartbeatSeconds: Int? = nil,
                chainedChildArn: String? = nil, chainedFunctionName: String? = nil, chainedTimeoutSeconds: Int? = nil) {
        self.waitSeconds = waitSeconds
        self.callbackTimeoutSeconds = callbackTimeoutSeconds
        self.callbackHeartbeatSeconds = callbackHeartbeatSeconds
        self.chainedChildArn = chainedChildArn
        self.chainedFunctionName = chainedFunctionName
        self.chainedTimeoutSeconds = chainedTimeoutSeconds
    }
}
