/// The event the service sends to a durable handler on every invocation.
public struct InvocationInput: Codable, Sendable, Hashable {
    /// The execution's ARN.
    public var durableExecutionArn: String
    /// The first checkpoint token of this invocation.
    public var checkpointToken: String
    /// The first page of the execution's operations.
    public var initialExecutionState: ExecutionStatePage
    /// Operations the service changed since the previous invocation.
    public var updatedOperationIds: [String]?

    /// Creates an invocation input.
    public init(durableExecutionArn: String, checkpointToken: String, initialExecutionState: ExecutionStatePage, updatedOperationIds: [String]? = nil) {
        self.durableExecutionArn = durableExecutionArn
        self.checkpointToken = checkpointToken
        self.initialExecutionState = initialExecutionState
        self.updatedOperationIds = updatedOperationIds
    }

    enum CodingKeys: String, CodingKey {
        case durableExecutionArn = "DurableExecutionArn", checkpointToken = "CheckpointToken"
        case initialExecutionState = "InitialExecutionState", updatedOperationIds = "UpdatedOperationIds"
    }
}
