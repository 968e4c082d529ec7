import DurableModel

/// What `invocationEnd` learns.
public struct InvocationEndInfo: Sendable, Hashable {
    /// The execution ARN.
    public var executionArn: String
    /// How the invocation ends.
    public var status: InvocationStatus
}
