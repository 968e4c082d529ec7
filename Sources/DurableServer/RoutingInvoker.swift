import DurableModel

/// Runs a function in process when its handler is compiled in, and on another invoker (the
/// Runtime API workers) otherwise.
public struct RoutingInvoker: VersionedFunctionInvoker {
    /// The handlers compiled into this process.
    public let inProcess: InProcessInvoker
    /// Where every other function runs.
    public let fallback: any FunctionInvoker

    /// Creates an invoker that prefers `inProcess` and falls back to `fallback`.
    public init(inProcess: InProcessInvoker, fallback: any FunctionInvoker) {
        self.inProcess = inProcess
        self.fallback = fallback
    }

    /// Runs the invocation in process if its function is registered there, else on the fallback.
    public func invoke(_ request: HandlerInvocation, checkpointClient: any CheckpointClient) async throws -> InvocationOutput {
        if inProcess.hasDurableHandler(request.functionName) {
            return try await inProcess.invoke(request, checkpointClient: checkpointClient)
        }
        return try await fallback.invoke(request, checkpointClient: checkpointClient)
    }

    /// Runs the plain function in process if it is registered there, else on the fallback.
    public func invokePlain(functionName: String, payload: String) async throws -> String {
        if inProcess.hasPlainHandler(functionName) {
            return try await inProcess.invokePlain(functionName: functionName, payload: payload)
        }
        return try await fallback.invokePlain(functionName: functionName, payload: payload)
    }

    /// Runs the plain function in process if it is registered there (one build serves every
    /// version), else that version on the fallback.
    public func invokePlain(functionName: String, version: String, timeout: Duration?, payload: String) async throws -> String {
        if inProcess.hasPlainHandler(functionName) {
            return try await inProcess.invokePlain(functionName: functionName, payload: payload)
        }
        if let versioned = fallback as? any VersionedFunctionInvoker {
            return try await versioned.invokePlain(functionName: functionName, version: version, timeout: timeout, payload: payload)
        }
        return try await fallback.invokePlain(functionName: functionName, payload: payload)
    }
}
