/// The answer to `ExecutionStore.createExecution`.
public enum CreateExecutionOutcome: Sendable, Hashable {
    /// The execution was stored.
    case created(ExecutionRecord)
    /// An execution with the same function and name (or ARN) already exists; nothing was written.
    case existing(ExecutionRecord)
}
