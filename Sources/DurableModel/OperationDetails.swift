import Foundation

/// Details of the EXECUTION operation.
public struct ExecutionDetails: Codable, Sendable, Hashable {
    /// The execution's input as JSON text.
    public var inputPayload: String?
    /// Creates execution details.
    public init(inputPayload: String? = nil) { self.inputPayload = inputPayload }
    enum CodingKeys: String, CodingKey { case inputPayload = "InputPayload" }
}

/// Details of a CONTEXT operation.
public struct ContextDetails: Codable, Sendable, Hashable {
    /// Whether the SDK must re-run the context's children on replay to rebuild its result.
    public var replayChildren: Bool?
    /// The context's result as serialized text.
    public var result: String?
    /// The context's error.
    public var error: ErrorObject?
    /// Creates context details.
    public init(replayChildren: Bool? = nil, result: String? = nil, error: ErrorObject? = nil) {
        self.replayChildren = replayChildren
        self.result = result
        self.error = error
    }
    enum CodingKeys: String, CodingKey {
        case replayChildren = "ReplayChildren", result = "Result", error = "Error"
    }
}

/// Details of a STEP operation.
public struct StepDetails: Codable, Sendable, Hashable {
    /// The number of finished attempts.
    public var attempt: Int?
    /// When the next attempt becomes due (while `PENDING`).
    public var nextAttemptTimestamp: Date?
    /// The step's result (or a wait-for-condition's polling state).
    public var result: String?
    /// The error of the last failed attempt.
    public var error: ErrorObject?
    /// Creates step details.
    public init(attempt: Int? = nil, nextAttemptTimestamp: Date? = nil, result: String? = nil, error: ErrorObject? = nil) {
        self.attempt = attempt
        self.nextAttemptTimestamp = nextAttemptTimestamp
        self.result = result
        self.error = error
    }
    enum CodingKeys: String, CodingKey {
        case attempt = "Attempt", nextAttemptTimestamp = "NextAttemptTimestamp", result = "Result", error = "Error"
    }
}

/// Details of a WAIT operation.
public struct WaitDetails: Codable, Sendable, Hashable {
    /// When the wait ends.
    public var scheduledEndTimestamp: Date?
    /// Creates wait details.
    public init(scheduledEndTimestamp: Date? = nil) { self.scheduledEndTimestamp = scheduledEndTimestamp }
    enum CodingKeys: String, CodingKey { case scheduledEndTimestamp = "ScheduledEndTimestamp" }
}

/// Details of a CALLBACK operation.
public struct CallbackDetails: Codable, Sendable, Hashable {
    /// The id external systems use to complete the callback.
    public var callbackId: String?
    /// The result sent with the callback's success.
    public var result: String?
    /// The error sent with the callback's failure, or its timeout error.
    public var error: ErrorObject?
    /// Creates callback details.
    public init(callbackId: String? = nil, result: String? = nil, error: ErrorObject? = nil) {
        self.callbackId = callbackId
        self.result = result
        self.error = error
    }
    enum CodingKeys: String, CodingKey { case callbackId = "CallbackId", result = "Result", error = "Error" }
}

/// Details of a CHAINED_INVOKE operation.
public struct ChainedInvokeDetails: Codable, Sendable, Hashable {
    /// The invoked function's result.
    public var result: String?
    /// The invoked function's error.
    public var error: ErrorObject?
    /// Creates chained-invoke details.
    public init(result: String? = nil, error: ErrorObject? = nil) {
        self.result = result
        self.error = error
    }
    enum CodingKeys: String, CodingKey { case result = "Result", error = "Error" }
}
