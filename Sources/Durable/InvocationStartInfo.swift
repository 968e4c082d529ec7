/// What `invocationStart` learns.
public struct InvocationStartInfo: Sendable, Hashable {
    /// The execution ARN.
    public var executionArn: String
    /// Whether no operation other than the EXECUTION one was recorded yet.
    public var isFirstInvocation: Bool
    /// The request id, when the host knows it.
    public var requestId: String?
    /// Operations the service changed since the previous invocation.
    public var updatedOperationIds: [String]
}
