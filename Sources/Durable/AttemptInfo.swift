import Logging

/// Identifies a step attempt for plugin hooks.
public struct AttemptInfo: Sendable {
    /// The step's wire id.
    public var operationId: String
    /// The step's name.
    public var name: String?
    /// The 1-based attempt number.
    public var attempt: Int
    /// The invocation's logger: its records land in the execution's log where the host keeps one.
    public var logger: Logger
}
