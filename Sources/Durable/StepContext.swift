import Logging

/// What a step body (or a wait-for-condition check, or a callback submitter) gets.
public struct StepContext: Sendable {
    /// The 1-based attempt number.
    public let attempt: Int
    /// A logger tagged with the execution, operation and attempt.
    public var logger: Logger
    /// The step's wire id.
    public let operationId: String
}
