/// Where a payload belongs, handed to serializers.
public struct SerializationContext: Sendable, Hashable {
    /// The wire id of the operation the payload belongs to (empty for the execution's own input/output).
    public var operationId: String
    /// The execution ARN.
    public var executionArn: String

    /// Creates a context.
    public init(operationId: String, executionArn: String) {
        self.operationId = operationId
        self.executionArn = executionArn
    }
}
