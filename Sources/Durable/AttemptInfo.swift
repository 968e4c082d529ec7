/// Identifies a step attempt for plugin hooks.
public struct AttemptInfo: Sendable, Hashable {
    /// The step's wire id.
    public var operationId: String
    /// The step's name.
    public var name: String?
    /// The 1-based attempt number.
    public var attempt: Int
}
