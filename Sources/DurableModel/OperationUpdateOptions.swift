/// Options of a CONTEXT update.
public struct ContextOptions: Codable, Sendable, Hashable {
    /// Whether children must be replayed to rebuild the result (results over 256 KiB).
    public var replayChildren: Bool?
    /// Creates context options.
    public init(replayChildren: Bool? = nil) { self.replayChildren = replayChildren }
    enum CodingKeys: String, CodingKey { case replayChildren = "ReplayChildren" }
}

/// Options of a STEP `RETRY` update.
public struct StepOptions: Codable, Sendable, Hashable {
    /// Seconds until the next attempt (1...31,622,400).
    public var nextAttemptDelaySeconds: Int?
    /// Creates step options.
    public init(nextAttemptDelaySeconds: Int? = nil) { self.nextAttemptDelaySeconds = nextAttemptDelaySeconds }
    enum CodingKeys: String, CodingKey { case nextAttemptDelaySeconds = "NextAttemptDelaySeconds" }
}

/// Options of a WAIT `START` update.
public struct WaitOptions: Codable, Sendable, Hashable {
    /// The wait's length in seconds (1...31,622,400).
    public var waitSeconds: Int?
    /// Creates wait options.
    public init(waitSeconds: Int? = nil) { self.waitSeconds = waitSeconds }
    enum CodingKeys: String, CodingKey { case waitSeconds = "WaitSeconds" }
}

/// Options of a CALLBACK `START` update.
public struct CallbackOptions: Codable, Sendable, Hashable {
    /// Seconds until the callback times out; 0 or absent means never.
    public var timeoutSeconds: Int?
    /// Seconds without a heartbeat until the callback times out; 0 or absent means never.
    public var heartbeatTimeoutSeconds: Int?
    /// Creates callback options.
    public init(timeoutSeconds: Int? = nil, heartbeatTimeoutSeconds: Int? = nil) {
        self.timeoutSeconds = timeoutSeconds
        self.heartbeatTimeoutSeconds = heartbeatTimeoutSeconds
    }
    enum CodingKeys: String, CodingKey {
        case timeoutSeconds = "TimeoutSeconds", heartbeatTimeoutSeconds = "HeartbeatTimeoutSeconds"
    }
}

/// Options of a CHAINED_INVOKE `START` update.
public struct ChainedInvokeOptions: Codable, Sendable, Hashable {
    /// The target function: a name, `name:qualifier`, or a partial or full ARN.
    public var functionName: String
    /// The tenant the target runs for.
    public var tenantId: String?
    /// The trace header to hand to the target.
    public var xAmznTraceId: String?
    /// Creates chained-invoke options.
    public init(functionName: String, tenantId: String? = nil, xAmznTraceId: String? = nil) {
        self.functionName = functionName
        self.tenantId = tenantId
        self.xAmznTraceId = xAmznTraceId
    }
    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", tenantId = "TenantId", xAmznTraceId = "XAmznTraceId"
    }
}
