import DurableModel
import Logging

/// What `invocationEnd` learns.
public struct InvocationEndInfo: Sendable {
    /// The execution ARN.
    public var executionArn: String
    /// How the invocation ends.
    public var status: InvocationStatus
    /// The invocation's logger: its records land in the execution's log where the host keeps one.
    public var logger: Logger
}
