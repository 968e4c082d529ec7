import DurableModel
import Foundation

/// A durable handler as the engine calls it in process.
public typealias DurableHandler = @Sendable (InvocationInput, any CheckpointClient) async throws -> InvocationOutput

/// A plain (non-durable) function used as a chained-invoke target; a thrown error fails the chained operation.
public typealias PlainHandler = @Sendable (String) async throws -> String

/// Runs handlers: in process, over HTTP or through a worker. Throwing means the invocation failed.
public protocol FunctionInvoker: Sendable {
    /// Runs one durable handler invocation.
    func invoke(_ request: HandlerInvocation, checkpointClient: any CheckpointClient) async throws -> InvocationOutput
    /// Runs a plain function once and returns its response body.
    func invokePlain(functionName: String, payload: String) async throws -> String
}

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

/// Why an invoker could not run a function.
public struct FunctionInvokerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
