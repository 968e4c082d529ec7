import DurableModel
import Synchronization

/// Calls registered Swift closures directly; the test kit's and embedded servers' invoker.
public final class InProcessInvoker: FunctionInvoker {
    private struct Handlers {
        var durable: [String: DurableHandler] = [:]
        var plain: [String: PlainHandler] = [:]
    }

    private let handlers = Mutex(Handlers())

    /// Creates an invoker with nothing registered.
    public init() {}

    /// Registers the durable handler of `name`.
    public func register(_ name: String, handler: @escaping DurableHandler) {
        handlers.withLock { $0.durable[name] = handler }
    }

    /// Registers the plain function `name`.
    public func registerPlain(_ name: String, handler: @escaping PlainHandler) {
        handlers.withLock { $0.plain[name] = handler }
    }

    /// Whether a durable handler is registered for `name`.
    public func hasDurableHandler(_ name: String) -> Bool {
        handlers.withLock { $0.durable[name] != nil }
    }

    /// Whether a plain function is registered as `name`.
    public func hasPlainHandler(_ name: String) -> Bool {
        handlers.withLock { $0.plain[name] != nil }
    }

    /// Calls the durable handler registered for the invocation's function.
    public func invoke(_ request: HandlerInvocation, checkpointClient: any CheckpointClient) async throws -> InvocationOutput {
        guard let handler = handlers.withLock({ $0.durable[request.functionName] }) else {
            throw FunctionInvokerError("No durable handler registered for \(request.functionName)")
        }
        return try await handler(request.input, checkpointClient)
    }

    /// Calls the plain function registered as `functionName`.
    public func invokePlain(functionName: String, payload: String) async throws -> String {
        guard let handler = handlers.withLock({ $0.plain[functionName] }) else {
            throw FunctionInvokerError("No function registered for \(functionName)")
        }
        return try await handler(payload)
    }
}
