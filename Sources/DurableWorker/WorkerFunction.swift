import Durable
import DurableModel

/// A durable function a `DurableWorker` serves, with how many invocations of it may run at once.
public struct WorkerFunction: Sendable {
    /// Runs one invocation: the event, the service's checkpoint API and the configuration for this
    /// invocation (the worker sets its request id and log sink).
    public typealias Handler = @Sendable (InvocationInput, any CheckpointClient, DurableRuntimeConfiguration) async throws -> InvocationOutput

    /// The function's name on the service (`durable serve --function NAME`).
    public var name: String
    /// How many invocations of it this process runs at once: one long poll per slot.
    public var concurrency: Int
    /// The runtime configuration every invocation starts from (plugins, logger, replay-aware logging).
    public var configuration: DurableRuntimeConfiguration
    /// The invocation entry point.
    public var handler: Handler

    /// Serves `function` under `name` (default: its own `functionName`) through `DurableRuntime`.
    public init<F: DurableFunction>(_ function: F, name: String? = nil, concurrency: Int = 1, configuration: DurableRuntimeConfiguration = .init()) {
        self.init(name: name ?? function.functionName, concurrency: concurrency, configuration: configuration) { input, client, configuration in
            try await DurableRuntime.invoke(function, input: input, client: client, configuration: configuration)
        }
    }

    /// Serves a custom entry point under `name`; it should end like `DurableRuntime.invoke` does.
    public init(name: String, concurrency: Int = 1, configuration: DurableRuntimeConfiguration = .init(), handler: @escaping Handler) {
        self.name = name
        self.concurrency = concurrency
        self.configuration = configuration
        self.handler = handler
    }
}
