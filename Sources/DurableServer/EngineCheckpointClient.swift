import DurableModel

/// The in-process `CheckpointClient`: calls the engine directly.
public struct EngineCheckpointClient: CheckpointClient {
    /// The engine.
    public let engine: DurableEngine

    /// Creates a client for `engine`.
    public init(engine: DurableEngine) { self.engine = engine }

    /// Calls `DurableEngine.checkpoint`.
    public func checkpoint(executionArn: String, token: String, updates: [OperationUpdate], clientToken: String?) async throws -> CheckpointResponse {
        try await engine.checkpoint(executionArn: executionArn,
                                    request: CheckpointRequest(checkpointToken: token, updates: updates, clientToken: clientToken))
    }

    /// Calls `DurableEngine.executionState`.
    public func executionState(executionArn: String, token: String, marker: String, maxItems: Int) async throws -> ExecutionStatePage {
        try await engine.executionState(executionArn: executionArn, checkpointToken: token, marker: marker.isEmpty ? nil : marker, maxItems: maxItems)
    }
}
