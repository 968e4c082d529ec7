import Logging

/// What `invocationStart` learns.
public struct InvocationStartInfo: Sendable {
    /// The execution ARN.
    public var executionArn: String
    /// Whether no operation other than the EXECUTION one was recorded yet.
    public var isFirstInvocation: Bool
    /// The request id, when the host knows it.
    public var requestId: String?
    /// Operations the service changed since the previous invocation.
    public var updatedOperationIds: [String]
    /// The invocation's logger: its records land in the execution's log where the host keeps one.
    public var logger: Logger
}
