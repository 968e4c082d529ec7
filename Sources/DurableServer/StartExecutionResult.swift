/// The answer to `startExecution`.
public struct StartExecutionResult: Sendable, Hashable {
    /// The execution's ARN.
    public var executionArn: String
    /// The execution's row as of the answer.
    public var record: ExecutionRecord
    /// True when the name matched a RUNNING execution with the same input and nothing was started.
    public var alreadyExisted: Bool

    /// Creates a result.
    public init(executionArn: String, record: ExecutionRecord, alreadyExisted: Bool) {
        self.executionArn = executionArn
        self.record = record
        self.alreadyExisted = alreadyExisted
    }
}
