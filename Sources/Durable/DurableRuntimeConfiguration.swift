import Logging

/// How `DurableRuntime` runs invocations.
public struct DurableRuntimeConfiguration: Sendable {
    /// Observers of invocations, operations and attempts.
    public var plugins: [any DurablePlugin]
    /// The logger whose handler receives workflow log records; nil means `Logger(label: "durable")`
    /// through `LoggingSystem`.
    public var logger: Logger?
    /// Whether context loggers drop records while replaying (default true).
    public var replayAwareLogging: Bool
    /// Page size for loading the execution state.
    public var statePageSize: Int
    /// The request id handed to plugins, when the host knows it.
    public var requestId: String?
    /// Receives every record of the invocation's loggers (context, step and plugin loggers) besides
    /// `logger`; a host sets it per invocation to keep the records with the execution.
    public var logSink: (@Sendable (DurableLogRecord) -> Void)?

    /// Creates a configuration.
    public init(plugins: [any DurablePlugin] = [], logger: Logger? = nil, replayAwareLogging: Bool = true, statePageSize: Int = 1000, requestId: String? = nil,
                logSink: (@Sendable (DurableLogRecord) -> Void)? = nil) {
        self.plugins = plugins
        self.logger = logger
        self.replayAwareLogging = replayAwareLogging
        self.statePageSize = statePageSize
        self.requestId = requestId
        self.logSink = logSink
    }
}
