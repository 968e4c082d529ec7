import DurableModel

/// An operation row: the wire operation plus the engine's ordering and change bookkeeping.
public struct StoredOperation: Codable, Sendable, Hashable {
    /// The operation as the handler sees it.
    public var operation: Operation
    /// The start order within the execution (the EXECUTION operation is 0).
    public var position: Int
    /// The execution-wide change sequence number of the last change to this operation.
    public var sequence: Int
    /// Settings the wire operation does not carry but timers and events need.
    public var meta: OperationMeta

    /// Creates a row.
    public init(operation: Operation, position: Int = 0, sequence: Int = 0, meta: OperationMeta = OperationMeta()) {
        self.operation = operation
        self.position = position
        self.sequence = sequence
        self.meta = meta
    }

    /// The operation id.
    public var id: String { operation.id }
}
