import DurableModel

/// Identifies an operation for plugin hooks.
public struct OperationInfo: Sendable, Hashable {
    /// The wire id.
    public var operationId: String
    /// The operation type.
    public var type: OperationType
    /// The subtype.
    public var subType: String?
    /// The user-supplied name.
    public var name: String?
}
