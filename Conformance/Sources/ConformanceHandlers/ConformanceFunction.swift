import Durable
import DurableModel

/// One conformance handler as its hosts need it: its name, execution timeout and invocation entry point.
public struct ConformanceFunction: Sendable {
    /// Runs one invocation with the configuration the host prepared (request id, log sink).
    public typealias Handler = @Sendable (InvocationInput, any CheckpointClient, DurableRuntimeConfiguration) async throws -> InvocationOutput

    /// `conformance-<id>`, or a chained-invoke target's name.
    public var name: String
    /// The execution timeout the function is registered with.
    public var executionTimeout: Duration
    /// The runtime configuration its invocations start from (plugins, replay-aware logging).
    public var configuration: DurableRuntimeConfiguration
    /// The entry point.
    public var handler: Handler

    /// A function running `function` through `DurableRuntime`.
    public init<F: DurableFunction>(_ function: F, name: String, executionTimeout: Duration, configuration: DurableRuntimeConfiguration = .init()) {
        self.init(name: name, executionTimeout: executionTimeout, configuration: configuration) { input, client, configuration in
            try await DurableRuntime.invoke(function, input: input, client: client, configuration: configuration)
        }
    }

    /// A function with a custom entry point.
    public init(name: String, executionTimeout: Duration, configuration: DurableRuntimeConfiguration, handler: @escaping Handler) {
        self.name = name
        self.executionTimeout = executionTimeout
        self.configuration = configuration
        self.handler = handler
    }
}
