import Foundation

/// The body of `GetDurableExecution`.
public struct GetDurableExecutionResponse: Codable, Sendable, Hashable {
    /// The execution's ARN.
    public var durableExecutionArn: String
    /// The execution's name.
    public var durableExecutionName: String
    /// The ARN of the function version it runs on.
    public var functionArn: String
    /// Its status.
    public var status: ExecutionStatus
    /// When it started.
    public var startTimestamp: Date
    /// When it closed.
    public var endTimestamp: Date?
    /// Its input.
    public var inputPayload: String?
    /// Its result (SUCCEEDED only).
    public var result: String?
    /// Its error (FAILED, TIMED_OUT, STOPPED).
    public var error: ErrorObject?
    /// The version it runs on.
    public var version: String?
    /// The trace header it was started with.
    public var traceHeader: TraceHeader?

    /// Creates a description.
    public init(durableExecutionArn: String, durableExecutionName: String, functionArn: String, status: ExecutionStatus,
                startTimestamp: Date, endTimestamp: Date? = nil, inputPayload: String? = nil, result: String? = nil,
                error: ErrorObject? = nil, version: String? = nil, traceHeader: TraceHeader? = nil) {
        self.durableExecutionArn = durableExecutionArn
        self.durableExecutionName = durableExecutionName
        self.functionArn = functionArn
        self.status = status
        self.startTimestamp = startTimestamp
        self.endTimestamp = endTimestamp
        self.inputPayload = inputPayload
        self.result = result
        self.error = error
        self.version = version
        self.traceHeader = traceHeader
    }

    enum CodingKeys: String, CodingKey {
        case durableExecutionArn = "DurableExecutionArn", durableExecutionName = "DurableExecutionName"
        case functionArn = "FunctionArn", status = "Status", startTimestamp = "StartTimestamp", endTimestamp = "EndTimestamp"
        case inputPayload = "InputPayload", result = "Result", error = "Error", version = "Version", traceHeader = "TraceHeader"
    }
}

/// A trace header (`TraceHeader`).
public struct TraceHeader: Codable, Sendable, Hashable {
    /// The X-Ray trace id header value.
    public var xAmznTraceId: String?
    /// Creates a trace header.
    public init(xAmznTraceId: String?) { self.xAmznTraceId = xAmznTraceId }
    enum CodingKeys: String, CodingKey { case xAmznTraceId = "XAmznTraceId" }
}
