import ArgumentParser
import DurableHTTP
import DurableServer
import DurableSQLite
import Foundation
import Hummingbird
import Logging

/// `durable-bench serve`: `durable serve`'s service (SQLite, engine, HTTP API, Runtime API) with the
/// workload functions compiled in, for the HTTP and crash workloads.
struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the workload functions over HTTP.")

    @Option(help: "The SQLite database file.")
    var db: String

    @Option(help: "The port to listen on.")
    var port = 9100

    @Option(help: "Append W5's step side effects to this file.")
    var sideEffects: String?

    @Flag(help: "Leave the workload functions to Runtime API workers instead of running them in this process.")
    var workers = false

    func run() async throws {
        var logger = Logger(label: "durable-bench")
        logger.logLevel = .warning
        let store = try SQLiteExecutionStore(path: db)
        let inProcess = InProcessInvoker()
        let workerInvoker = WorkerInvoker(plainInvocationTimeout: .seconds(900))
        let configuration = EngineConfiguration()
        let engine = DurableEngine(store: store, invoker: RoutingInvoker(inProcess: inProcess, fallback: workerInvoker),
                                   configuration: configuration, logger: logger)
        let log = try sideEffects.map(SideEffectLog.init(path:))
        if workers {
            // The hook for the worker-process variant: a worker serving w1…w6h (built on `DurableWorker`)
            // takes these functions' invocations from `AWS_LAMBDA_RUNTIME_API=127.0.0.1:PORT/functions/NAME`.
            for name in ["w1", "w2", "w3", "w4", "w5", "w6", "w6h"] { engine.register(FunctionConfiguration(name: name)) }
        } else {
            BenchFunctions.register(on: engine, invoker: inProcess, sideEffects: log)
        }
        try await engine.recoverInterruptedInvocations()
        let router = DurableAPI(engine: engine, logger: logger).makeRouter(context: DurableRequestContext.self)
        RuntimeAPI(invoker: workerInvoker, configuration: configuration, logger: logger).addRoutes(to: router)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "durable-bench"),
            services: engine.makeServices(),
            logger: logger)
        try await app.runService()
    }
}
