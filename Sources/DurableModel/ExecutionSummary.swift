import Foundation

/// One execution in `ListDurableExecutionsByFunction` (the AWS `Execution` shape).
public struct ExecutionSummary: Codable, Sendable, Hashable {
    /// The execution's ARN.
    public var durableExecutionArn: String
    /// The execution's name.
    public var durableExecutionName: String
    /// The function version's ARN.
    public var functionArn: String
    /// Its status.
    public var status: ExecutionStatus
    /// When it started.
    public var startTimestamp: Date
    /// When it closed.
    public var endTimestamp: Date?

    /// Creates a summary.
    public init(durableExecutionArn: String, durableExecutionName: String, functionArn: String, status: ExecutionStatus,
                startTimestamp: Date, endTimestamp: Date? = nil) {
        self.durableExecutionArn = durableExecutionArn
        self.durableExecutionName = durableExecutionName
        self.functionArn = functionArn
        self.status = status
        self.startTimestamp = startTimestamp
        self.endTimestamp = endTimestamp
    }

    enum CodingKeys: String, CodingKey {
        case durableExecutionArn = "DurableExecutionArn", durableExecutionName = "DurableExecutionName"
        case functionArn = "FunctionArn", status = "Status", startTimestamp = "StartTimestamp", endTimestamp = "EndTimestamp"
    }
}

/// The body of `ListDurableExecutionsByFunction`.
public struct ListDurableExecutionsResponse: Codable, Sendable, Hashable {
    /// The page of executions.
    public var durableExecutions: [ExecutionSummary]
    /// The next page's marker.
    public var nextMarker: String?
    /// Creates a page.
    public init(durableExecutions: [ExecutionSummary], nextMarker: String?) {
        self.durableExecutions = durableExecutions
        self.nextMarker = nextMarker
    }
    enum CodingKeys: String, CodingKey { case durableExecutions = "DurableExecutions", nextMarker = "NextMarker" }
}

/// The body of `GetDurableExecutionHistory`.
public struct GetDurableExecutionHistoryResponse: Codable, Sendable, Hashable {
    /// The page of events.
    public var events: [HistoryEvent]
    /// The next page's marker.
    public var nextMarker: String?
    /// Creates a page.
    public init(events: [HistoryEvent], nextMarker: String?) {
        self.events = events
        self.nextMarker = nextMarker
    }
    enum CodingKeys: String, CodingKey { case events = "Events", nextMarker = "NextMarker" }
}

/// The body of `StopDurableExecution`.
public struct StopDurableExecutionResponse: Codable, Sendable, Hashable {
    /// When the execution stopped.
    public var stopTimestamp: Date
    /// Creates a response.
    public init(stopTimestamp: Date) { self.stopTimestamp = stopTimestamp }
    enum CodingKeys: String, CodingKey { case stopTimestamp = "StopTimestamp" }
}

/// The body of a Lambda function error (`X-Amz-Function-Error`): `errorType`, `errorMessage`, `stackTrace`.
public struct FunctionErrorBody: Codable, Sendable, Hashable {
    /// The error type.
    public var errorType: String?
    /// The message.
    public var errorMessage: String?
    /// Extra data.
    public var errorData: String?
    /// Stack frames.
    public var stackTrace: [String]?
    /// Creates a body from an error object.
    public init(_ error: ErrorObject?) {
        errorType = error?.errorType
        errorMessage = error?.errorMessage
        errorData = error?.errorData
        stackTrace = error?.stackTrace
    }
}
