import DurableModel

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
