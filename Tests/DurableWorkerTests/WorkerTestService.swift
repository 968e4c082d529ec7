import DurableHTTP
import DurableModel
import DurableServer
@testable import DurableWorker
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A real service on a loopback port: the engine on an in-memory store (which outlives the service,
/// so a restart finds its executions), the durable HTTP API and the Runtime API.
struct WorkerTestService {
    let engine: DurableEngine
    let workers: WorkerInvoker
    let port: Int

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Short timeouts so a lost invocation is retried within a test's patience.
    static let configuration = EngineConfiguration(invocationRetryDelay: .milliseconds(200), invocationTimeout: .seconds(4))

    static var quietLogger: Logger {
        var logger = Logger(label: "worker-tests")
        logger.logLevel = .critical
        return logger
    }

    /// Runs the service for `functions` while `body` runs; port 0 picks a free one.
    static func with<T: Sendable>(
        store: InMemoryExecutionStore = InMemoryExecutionStore(), port: Int = 0, functions: [String],
        _ body: @Sendable (WorkerTestService) async throws -> T
    ) async throws -> T {
        let workers = WorkerInvoker(plainInvocationTimeout: .seconds(10))
        let engine = DurableEngine(store: store, invoker: RoutingInvoker(inProcess: InProcessInvoker(), fallback: workers),
                                   clock: SystemClock(), configuration: configuration, logger: quietLogger)
        for name in functions { engine.register(FunctionConfiguration(name: name, executionTimeoutSeconds: 300, retentionPeriodDays: 1)) }
        _ = try await engine.recoverInterruptedInvocations()
        let router = DurableAPI(engine: engine, logger: quietLogger).makeRouter(context: DurableRequestContext.self)
        RuntimeAPI(invoker: workers, configuration: configuration, logger: quietLogger).addRoutes(to: router)
        let (bound, announce) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            services: engine.makeServices(),
            onServerRunning: { channel in announce.yield(channel.localAddress?.port ?? 0) },
            logger: quietLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = bound.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw DurableWorkerError(.runtimeAPI, "the test service did not start") }
            defer { group.cancelAll() }
            return try await body(WorkerTestService(engine: engine, workers: workers, port: port))
        }
    }

    /// A worker configuration for this service, retrying quickly.
    func workerConfiguration(prefix: String = "") -> DurableWorkerConfiguration {
        DurableWorkerConfiguration(runtimeAPI: "127.0.0.1:\(port)\(prefix)", endpoint: endpoint,
                                   initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(300),
                                   logger: Self.quietLogger)
    }
}

/// Runs `worker` in a service group while `body` runs, then shuts it down gracefully and waits for it.
func withWorker<T: Sendable>(_ worker: DurableWorker, _ body: @Sendable (ServiceGroup) async throws -> T) async throws -> T {
    let group = ServiceGroup(services: [worker], logger: WorkerTestService.quietLogger)
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        let result: T
        do {
            result = try await body(group)
        } catch {
            tasks.cancelAll()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return result
    }
}

/// Waits until `condition` holds, for up to `seconds`.
func eventually(seconds: Double = 10, _ condition: @Sendable () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
