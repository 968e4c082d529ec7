import ArgumentParser
import ConformanceHandlers
import DurableHTTP
import DurableHosting
import DurableServer
import DurableStores
import Foundation
import Hummingbird
import Logging

/// Serves every conformance requirement's handler as `conformance-<id>`, on the same engine,
/// HTTP API and SQLite (or PostgreSQL) store as `durable serve`: in process, or (`--workers-only`)
/// as functions that `conformance-worker` processes serve through the Runtime API.
@main
struct ConformanceServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance-server",
        abstract: "Serve the Swift handlers of the AWS durable-execution conformance requirements.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 9000

    @Option(help: "The SQLite database file, or a postgres:// URL (the server then claims its work as one of several nodes would).")
    var db = "conformance.sqlite"

    @Option(help: "Log level.")
    var logLevel = "notice"

    @Flag(help: "Register the functions without their handlers: Runtime API workers (conformance-worker) serve them.")
    var workersOnly = false

    @Option(help: "Seconds one handler invocation may run before it is recorded as Sandbox.Timedout.")
    var invocationTimeout: Int = 900

    func run() async throws {
        var logger = Logger(label: "conformance-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
        guard invocationTimeout > 0 else { throw ValidationError("--invocation-timeout must be positive") }
        // The same store opening as `durable serve`: a SQLite file, or PostgreSQL as one of several nodes.
        let database = try ServiceDatabase(db, logger: logger)
        var configuration = EngineConfiguration(invocationTimeout: .seconds(invocationTimeout))
        if database.postgres != nil {
            configuration.sharing = NodeSharing(nodeId: "conformance-\(ProcessInfo.processInfo.processIdentifier)")
        }
        try await database.run { try await serve(on: database.store, configuration: configuration, logger: logger) }
    }

    private func serve(on store: any ExecutionStore, configuration: EngineConfiguration, logger: Logger) async throws {
        let inProcess = InProcessInvoker()
        let workers = WorkerInvoker(plainInvocationTimeout: .seconds(invocationTimeout))
        let engine = DurableEngine(store: store, invoker: RoutingInvoker(inProcess: inProcess, fallback: workers),
                                   clock: SystemClock(), configuration: configuration, logger: logger)
        for function in ConformanceCatalog.functions() {
            engine.register(FunctionConfiguration(
                name: function.name, isDurable: true,
                executionTimeoutSeconds: Int(function.executionTimeout.components.seconds), retentionPeriodDays: 1))
            if !workersOnly {
                inProcess.register(function.name, handler: DurableEngine.hostedHandler(configuration: function.configuration, body: function.handler))
            }
        }
        // Invocations that were queued or running when the last process died are re-queued (and the
        // running ones recorded as crashed) before any new work is taken.
        let recovered = try await engine.recoverInterruptedInvocations()
        if recovered > 0 { logger.notice("re-queued \(recovered) interrupted invocations") }
        let router = DurableAPI(engine: engine, logger: logger).makeRouter(context: DurableRequestContext.self)
        RuntimeAPI(invoker: workers, configuration: configuration, logger: logger).addRoutes(to: router)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "conformance-server"),
            services: engine.makeServices(),
            logger: logger)
        try await app.runService()
    }
}
