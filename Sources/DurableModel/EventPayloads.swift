/// A payload in a history event, possibly left out (`EventInput` / `EventResult`).
public struct EventPayload: Codable, Sendable, Hashable {
    /// The payload text; absent when execution data was not requested.
    public var payload: String?
    /// Whether the payload was left out or cut.
    public var truncated: Bool
    /// Creates an event payload.
    public init(payload: String?, truncated: Bool = false) {
        self.payload = payload
        self.truncated = truncated
    }
    enum CodingKeys: String, CodingKey { case payload = "Payload", truncated = "Truncated" }
}

/// An error in a history event (`EventError`).
public struct EventError: Codable, Sendable, Hashable {
    /// The error; absent when execution data was not requested.
    public var payload: ErrorObject?
    /// Whether the error was left out or cut.
    public var truncated: Bool
    /// Creates an event error.
    public init(payload: ErrorObject?, truncated: Bool = false) {
        self.payload = payload
        self.truncated = truncated
    }
    enum CodingKeys: String, CodingKey { case payload = "Payload", truncated = "Truncated" }
}

/// Attempt numbers of a step event.
public struct RetryDetails: Codable, Sendable, Hashable {
    /// The 1-based attempt that just ended.
    public var currentAttempt: Int?
    /// Seconds until the next attempt, when one is scheduled.
    public var nextAttemptDelaySeconds: Int?
    /// Creates retry details.
    public init(currentAttempt: Int? = nil, nextAttemptDelaySeconds: Int? = nil) {
        self.currentAttempt = currentAttempt
        self.nextAttemptDelaySeconds = nextAttemptDelaySeconds
    }
    enum CodingKeys: String, CodingKey {
        case currentAttempt = "CurrentAttempt", nextAttemptDelaySeconds = "NextAttemptDelaySeconds"
    }
}
