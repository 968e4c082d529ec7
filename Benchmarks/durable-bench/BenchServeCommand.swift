import ArgumentParser
import DurableHTTP
import DurableServer
import DurableStores
import Foundation
import Hummingbird
import Logging

/// `durable-bench serve`: `durable serve`'s service (the store it opens from `--db`, engine, HTTP API,
/// Runtime API) with the workload functions compiled in, or left to `durable-bench worker` processes.
struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the workload functions over HTTP.")

    @Option(help: "The SQLite database file, or a postgres:// URL (opened as `durable serve --db` opens it).")
    var db: String

    @Option(help: "The port to listen on.")
    var port = 9100

    @Option(help: "Append W5's step side effects to this file.")
    var sideEffects: String?

    @Flag(help: "Leave the workload functions to Runtime API workers (`durable-bench worker`) instead of running them in this process.")
    var workers = false

    @Flag(help: "End when the process that started this one ends (the drivers set it).")
    var exitWithParent = false

    func run() async throws {
        var logger = Logger(label: "durable-bench")
        logger.logLevel = .warning
        let database = try ServiceDatabase(db, logger: logger)
        try await database.run { try await serve(on: database, logger: logger) }
    }

    private func serve(on database: ServiceDatabase, logger: Logger) async throws {
        let inProcess = InProcessInvoker()
        let workerInvoker = WorkerInvoker(plainInvocationTimeout: .seconds(900))
        // On PostgreSQL the service claims its work under leases, as a `durable serve` node does.
        let sharing = database.postgres == nil ? nil : NodeSharing(nodeId: "durable-bench-\(ProcessInfo.processInfo.processIdentifier)")
        let configuration = EngineConfiguration(sharing: sharing)
        let engine = DurableEngine(store: database.store, invoker: RoutingInvoker(inProcess: inProcess, fallback: workerInvoker),
                                   configuration: configuration, logger: logger)
        if workers {
            // Workers take these functions' invocations from `AWS_LAMBDA_RUNTIME_API=127.0.0.1:PORT`
            // (each at `/functions/NAME`), as `conformance-server --workers-only` leaves its handlers.
            BenchFunctions.registerForWorkers(on: engine)
        } else {
            BenchFunctions.register(on: engine, invoker: inProcess, sideEffects: try sideEffects.map(SideEffectLog.init(path:)))
        }
        try await engine.recoverInterruptedInvocations()
        let router = DurableAPI(engine: engine, logger: logger).makeRouter(context: DurableRequestContext.self)
        RuntimeAPI(invoker: workerInvoker, configuration: configuration, logger: logger).addRoutes(to: router)
        var services = engine.makeServices()
        if exitWithParent { services.append(ParentWatch()) }
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: "durable-bench"),
            services: services,
            logger: logger)
        try await app.runService()
    }
}
