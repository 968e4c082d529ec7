/// The body of `CheckpointDurableExecution`.
public struct CheckpointRequest: Codable, Sendable, Hashable {
    /// The invocation's current checkpoint token.
    public var checkpointToken: String
    /// The updates to apply, in order; empty asks only for the latest state.
    public var updates: [OperationUpdate]?
    /// An idempotency token for retried requests.
    public var clientToken: String?

    /// Creates a request.
    public init(checkpointToken: String, updates: [OperationUpdate]? = nil, clientToken: String? = nil) {
        self.checkpointToken = checkpointToken
        self.updates = updates
        self.clientToken = clientToken
    }

    enum CodingKeys: String, CodingKey {
        case checkpointToken = "CheckpointToken", updates = "Updates", clientToken = "ClientToken"
    }
}
