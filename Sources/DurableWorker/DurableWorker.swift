import AsyncHTTPClient
import Durable
import DurableClient
import DurableModel
import Foundation
import Logging
import ServiceLifecycle

/// Serves Swift durable functions from their own process: takes their invocations from a remote
/// service through the Lambda Runtime API and checkpoints through its durable API over HTTP.
///
/// Each function gets `concurrency` long polls of `GET …/runtime/invocation/next` (blocked on the
/// service, never spinning); each invocation runs the handler built by `DurableRuntime`, sends what
/// it logged to the execution's log, then posts `…/response` or `…/error`. When the service is
/// unreachable the worker retries with a bounded back-off. On graceful shutdown it stops polling,
/// finishes and answers the invocations it holds, and returns.
public struct DurableWorker: Service {
    /// The functions this process serves, with the Runtime API base URL each polls.
    public let functions: [WorkerFunction]
    /// Where the service is and how to reach it.
    public let configuration: DurableWorkerConfiguration
    let routes: [String]

    /// Creates a worker for `functions` (see `DurableWorkerConfiguration.runtimeAPI` for how a
    /// path prefix picks the one function a process serves).
    public init(functions: [WorkerFunction], configuration: DurableWorkerConfiguration) throws {
        guard !functions.isEmpty else { throw DurableWorkerError(.unknownFunction, "A worker needs at least one function") }
        var seen = Set<String>()
        for function in functions {
            guard !function.name.isEmpty, seen.insert(function.name).inserted else {
                throw DurableWorkerError(.unknownFunction, "Function names must be non-empty and unique: '\(function.name)'")
            }
            guard function.concurrency >= 1 else {
                throw DurableWorkerError(.invalidConfiguration, "\(function.name): concurrency must be at least 1")
            }
        }
        let address = try RuntimeAddress(configuration.runtimeAPI)
        var served = functions
        if !address.prefix.isEmpty {
            // A prefix addresses one function, as one Lambda sandbox serves one function.
            if let named = address.functionName, let match = functions.first(where: { $0.name == named }) {
                served = [match]
            } else if functions.count == 1 {
                served[0].name = address.functionName ?? functions[0].name
            } else {
                throw DurableWorkerError(.unknownFunction,
                    "AWS_LAMBDA_RUNTIME_API names '\(address.prefix)', which is none of \(functions.map(\.name).joined(separator: ", "))")
            }
        }
        self.functions = served
        self.configuration = configuration
        self.routes = served.map { address.baseURL(for: $0.name) }
    }

    /// Runs `functions` until SIGTERM or SIGINT, reading the service's address from the environment.
    public static func run(_ functions: [WorkerFunction], configuration: DurableWorkerConfiguration? = nil) async throws {
        let configuration = try configuration ?? .fromEnvironment()
        let worker = try DurableWorker(functions: functions, configuration: configuration)
        let group = ServiceGroup(services: [worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: configuration.logger)
        try await group.run()
    }

    /// Polls for and runs invocations until graceful shutdown or cancellation.
    public func run() async throws {
        let slots = functions.reduce(0) { $0 + $1.concurrency }
        var httpConfiguration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5)))
        // Every slot holds one long poll and, while it runs an invocation, one more request at a time.
        httpConfiguration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 2 * slots + 4)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        let service = DurableHTTPClient(endpoint: configuration.endpoint,
                                        requestTimeout: .nanoseconds(RuntimeAPIClient.nanoseconds(configuration.requestTimeout)), http: http)
        configuration.logger.info("serving \(functions.count) function(s) with \(slots) slot(s)", metadata: [
            "runtimeAPI": "\(configuration.runtimeAPI)", "endpoint": "\(configuration.endpoint)",
        ])
        await withDiscardingTaskGroup { group in
            for (function, route) in zip(functions, routes) {
                let runtime = RuntimeAPIClient(baseURL: route, http: http, requestTimeout: configuration.requestTimeout)
                let slot = WorkerSlot(function: function, runtime: runtime, service: service, configuration: configuration)
                for _ in 0..<function.concurrency {
                    group.addTask { await slot.run() }
                }
            }
        }
        try await http.shutdown()
    }
}
