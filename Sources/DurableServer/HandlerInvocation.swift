import DurableModel
import Foundation

/// One handler invocation the engine asks an invoker to run.
public struct HandlerInvocation: Sendable, Hashable {
    /// The function.
    public var functionName: String
    /// The version (or `$LATEST`).
    public var version: String
    /// The invocation's request id (reported in `InvocationCompleted`).
    public var requestId: String
    /// When the invocation must have returned.
    public var deadline: Date
    /// The tenant the execution runs for.
    public var tenantId: String?
    /// The event handed to the handler.
    public var input: InvocationInput

    /// Creates an invocation.
    public init(functionName: String, version: String, requestId: String, deadline: Date, tenantId: String? = nil, input: InvocationInput) {
        self.functionName = functionName
        self.version = version
        self.requestId = requestId
        self.deadline = deadline
        self.tenantId = tenantId
        self.input = input
    }
}
