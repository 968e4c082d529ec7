/// The answer to `CheckpointDurableExecution`.
public struct CheckpointResponse: Codable, Sendable, Hashable {
    /// The token for the next checkpoint; absent when no further checkpoint is possible.
    public var checkpointToken: String?
    /// The operations that changed since the handler last saw them.
    public var newExecutionState: ExecutionStatePage

    /// Creates a response.
    public init(checkpointToken: String?, newExecutionState: ExecutionStatePage) {
        self.checkpointToken = checkpointToken
        self.newExecutionState = newExecutionState
    }

    enum CodingKeys: String, CodingKey {
        case checkpointToken = "CheckpointToken", newExecutionState = "NewExecutionState"
    }
}
