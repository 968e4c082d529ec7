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
        invoker.register(functionName, handler: Self.hostedHandler(for: function, configuration: configuration))
    }

    /// `DurableRuntime.handler(for:configuration:)` whose invocations log into the execution's log: each
    /// invocation's context, step and plugin loggers also record into the engine's `InvocationLog.current`.
    public static func hostedHandler<F: DurableFunction>(
        for function: F, configuration: DurableRuntimeConfiguration = .init()
    ) -> DurableHandler {
        hostedHandler(configuration: configuration) { input, client, configuration in
            try await DurableRuntime.invoke(function, input: input, client: client, configuration: configuration)
        }
    }

    /// A handler running `body` with `configuration`, its log sink also recording into the engine's
    /// `InvocationLog.current` (for entry points that wrap `DurableRuntime.invoke`).
    public static func hostedHandler(
        configuration: DurableRuntimeConfiguration,
        body: @escaping @Sendable (InvocationInput, any CheckpointClient, DurableRuntimeConfiguration) async throws -> InvocationOutput
    ) -> DurableHandler {
        { input, client in
            var configuration = configuration
            if let log = InvocationLog.current {
                let outer = configuration.logSink
                configuration.requestId = configuration.requestId ?? log.requestId
                configuration.logSink = { record in
                    outer?(record)
                    log.record(level: record.level.rawValue.uppercased(), message: record.message,
                               operationId: record.operationId, attempt: record.attempt)
                }
            }
            return try await body(input, client, configuration)
        }
    }

    /// Hosts a plain (non-durable) function that chained invokes and `Invoke` can call.
    public func hostPlain(_ name: String, on invoker: InProcessInvoker, handler: @escaping @Sendable (String) async throws -> String) {
        register(FunctionConfiguration(name: name, isDurable: false))
        invoker.registerPlain(name, handler: handler)
    }
}
