import Foundation

/// The members of any `<EventType>Details` object; each event type uses the subset the AWS model gives it.
public struct EventDetails: Codable, Sendable, Hashable {
    /// `ExecutionStarted`, `ChainedInvokeStarted`.
    public var input: EventPayload?
    /// Execution timeout in seconds (`ExecutionStarted`).
    public var executionTimeout: Int?
    /// `*Succeeded` events.
    public var result: EventPayload?
    /// `*Failed`, `*TimedOut`, `*Stopped`, `WaitCancelled`, failed `InvocationCompleted`.
    public var error: EventError?
    /// Step attempt numbers.
    public var retryDetails: RetryDetails?
    /// Wait length in seconds.
    public var duration: Int?
    /// Wait end.
    public var scheduledEndTimestamp: Date?
    /// `CallbackStarted`.
    public var callbackId: String?
    /// `CallbackStarted` heartbeat timeout in seconds.
    public var heartbeatTimeout: Int?
    /// `CallbackStarted` timeout in seconds.
    public var timeout: Int?
    /// `ChainedInvokeStarted` target.
    public var functionName: String?
    /// `ChainedInvokeStarted` tenant.
    public var tenantId: String?
    /// `ChainedInvokeStarted` resolved version.
    public var executedVersion: String?
    /// `ChainedInvokeStarted` child execution.
    public var durableExecutionArn: String?
    /// `InvocationCompleted` start.
    public var startTimestamp: Date?
    /// `InvocationCompleted` end.
    public var endTimestamp: Date?
    /// `InvocationCompleted` request id.
    public var requestId: String?

    /// Creates details; every member is optional.
    public init(
        input: EventPayload? = nil, executionTimeout: Int? = nil, result: EventPayload? = nil, error: EventError? = nil,
        retryDetails: RetryDetails? = nil, duration: Int? = nil, scheduledEndTimestamp: Date? = nil,
        callbackId: String? = nil, heartbeatTimeout: Int? = nil, timeout: Int? = nil,
        functionName: String? = nil, tenantId: String? = nil, executedVersion: String? = nil, durableExecutionArn: String? = nil,
        startTimestamp: Date? = nil, endTimestamp: Date? = nil, requestId: String? = nil
    ) {
        self.input = input
        self.executionTimeout = executionTimeout
        self.result = result
        self.error = error
        self.retryDetails = retryDetails
        self.duration = duration
        self.scheduledEndTimestamp = scheduledEndTimestamp
        self.callbackId = callbackId
        self.heartbeatTimeout = heartbeatTimeout
        self.timeout = timeout
        self.functionName = functionName
        self.tenantId = tenantId
        self.executedVersion = executedVersion
        self.durableExecutionArn = durableExecutionArn
        self.startTimestamp = startTimestamp
        self.endTimestamp = endTimestamp
        self.requestId = requestId
    }

    enum CodingKeys: String, CodingKey {
        case input = "Input", executionTimeout = "ExecutionTimeout", result = "Result", error = "Error"
        case retryDetails = "RetryDetails", duration = "Duration", scheduledEndTimestamp = "ScheduledEndTimestamp"
        case callbackId = "CallbackId", heartbeatTimeout = "HeartbeatTimeout", timeout = "Timeout"
        case functionName = "FunctionName", tenantId = "TenantId", executedVersion = "ExecutedVersion"
        case durableExecutionArn = "DurableExecutionArn", startTimestamp = "StartTimestamp", endTimestamp = "EndTimestamp"
        case requestId = "RequestId"
    }

    /// A copy with payloads and errors left out and marked truncated (`IncludeExecutionData=false`).
    public func withoutExecutionData() -> EventDetails {
        var copy = self
        if input != nil { copy.input = EventPayload(payload: nil, truncated: true) }
        if result != nil { copy.result = EventPayload(payload: nil, truncated: true) }
        if error != nil { copy.error = EventError(payload: nil, truncated: true) }
        return copy
    }
}
