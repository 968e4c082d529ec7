import Durable
import DurableModel
import DurableServer

extension DurableEngine {
    /// Hosts a Swift durable function in this process: registers it with the engine and its handler with `invoker`.
    public func host<F: DurableFunction>(
        _ function: F, name: String? = nil, on invoker: InProcessInvoker,
        executionTimeout: Duration = .seconds(86_400), retentionPeriodDays: Int = 14,
        configuration: DurableRuntimeConfiguration = .init()
    ) {
        let functionName = name ?? function.functionName
        register(FunctionConfiguration(
            name: functionName, isDurable: true,
            executionTimeoutSeconds: Int(executionTimeout.components.seconds),
            retentionPeriodDays: retentionPeriodDays))
        invoker.register(functionName, handler: DurableRuntime.handler(for: function, configuration: configuration))
    }

    /// Hosts a plain (non-durable) function that chained invokes and `Invoke` can call.
    public func hostPlain(_ name: String, on invoker: InProcessInvoker, handler: @escaping @Sendable (String) async throws -> String) {
        register(FunctionConfiguration(name: name, isDurable: false))
        invoker.registerPlain(name, handler: handler)
    }
}
