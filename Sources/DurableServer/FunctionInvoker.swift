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
