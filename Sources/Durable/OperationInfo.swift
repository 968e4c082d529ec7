import DurableModel
import Logging

/// Identifies an operation for plugin hooks.
public struct OperationInfo: Sendable {
    /// The wire id.
    public var operationId: String
    /// The operation type.
    public var type: OperationType
    /// The subtype.
    public var subType: String?
    /// The user-supplied name.
    public var name: String?
    /// The invocation's logger: its records land in the execution's log where the host keeps one.
    public var logger: Logger
}
