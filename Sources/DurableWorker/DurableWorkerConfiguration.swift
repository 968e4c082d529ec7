import Foundation
import Logging

/// Where a `DurableWorker` finds the service and how it behaves when the service is away.
public struct DurableWorkerConfiguration: Sendable {
    /// The Runtime API address as Lambda's `AWS_LAMBDA_RUNTIME_API` spells it: `HOST:PORT`,
    /// optionally followed by a path prefix naming one function (`HOST:PORT/functions/NAME`).
    public var runtimeAPI: String
    /// The durable API's base URL (`AWS_ENDPOINT_URL_LAMBDA`), for checkpoints and logs.
    public var endpoint: String
    /// The first pause after a failed call to the service; it doubles up to `maxBackoff`.
    public var initialBackoff: Duration
    /// The longest pause between attempts while the service is unreachable.
    public var maxBackoff: Duration
    /// How long one long poll of `invocation/next` may stay open before it is simply renewed.
    public var pollTimeout: Duration
    /// How long one checkpoint, state or log request may take.
    public var requestTimeout: Duration
    /// Whether what the invocations log is also appended to the execution's log on the service.
    public var forwardLogs: Bool
    /// The worker's own log (connection trouble, dropped answers); not the handlers' loggers.
    public var logger: Logger

    /// Creates a configuration for the service at `runtimeAPI` and `endpoint`.
    public init(runtimeAPI: String, endpoint: String, initialBackoff: Duration = .milliseconds(100), maxBackoff: Duration = .seconds(5),
                pollTimeout: Duration = .seconds(600), requestTimeout: Duration = .seconds(60), forwardLogs: Bool = true,
                logger: Logger = Logger(label: "durable.worker")) {
        self.runtimeAPI = runtimeAPI
        self.endpoint = endpoint
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.pollTimeout = pollTimeout
        self.requestTimeout = requestTimeout
        self.forwardLogs = forwardLogs
        self.logger = logger
    }

    /// Reads `AWS_LAMBDA_RUNTIME_API` (required) and `AWS_ENDPOINT_URL_LAMBDA` (else `AWS_ENDPOINT_URL`,
    /// else the Runtime API's host and port over plain HTTP).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       logger: Logger = Logger(label: "durable.worker")) throws -> DurableWorkerConfiguration {
        guard let runtimeAPI = environment["AWS_LAMBDA_RUNTIME_API"], !runtimeAPI.isEmpty else {
            throw DurableWorkerError(.invalidConfiguration, "AWS_LAMBDA_RUNTIME_API is not set (HOST:PORT or HOST:PORT/functions/NAME)")
        }
        let address = try RuntimeAddress(runtimeAPI)
        let endpoint = environment["AWS_ENDPOINT_URL_LAMBDA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["AWS_ENDPOINT_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://\(address.hostAndPort)"
        return DurableWorkerConfiguration(runtimeAPI: runtimeAPI, endpoint: endpoint, logger: logger)
    }
}
