import ArgumentParser
import DurableHTTP
import DurableHosting
import DurableServer
import DurableSQLite
import Foundation
import Hummingbird
import Logging
import OrderProcessing

/// `durable serve`: the service on an embedded SQLite file, with the Swift functions compiled in.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the durable execution service.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 9000

    @Option(help: "The SQLite database file (default: $DURABLE_DB or ~/.durable/durable.sqlite).")
    var db: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    /// The database path a bare `durable serve` uses.
    static var defaultDatabasePath: String {
        if let path = ProcessInfo.processInfo.environment["DURABLE_DB"] { return path }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.currentDirectoryPath
        return home + "/.durable/durable.sqlite"
    }

    func run() async throws {
        var logger = Logger(label: "durable")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let path = db ?? Self.defaultDatabasePath
        let store = try SQLiteExecutionStore(path: path)
        let invoker = InProcessInvoker()
        let engine = DurableEngine(store: store, invoker: invoker, clock: SystemClock(), logger: logger)
        HostedFunctions.register(on: engine, invoker: invoker)

        // Invocations that were queued or running when the last process died are re-queued (and the
        // running ones recorded as crashed) before any new work is taken.
        let recovered = try await engine.recoverInterruptedInvocations()
        if recovered > 0 { logger.notice("re-queued \(recovered) interrupted invocations") }
        let api = DurableAPI(engine: engine, logger: logger)
        let startupLogger = logger
        let app = Application(
            router: api.makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "durable"),
            services: engine.makeServices(),
            onServerRunning: { channel in
                startupLogger.notice("durable service listening on http://\(host):\(port) (database \(path))")
            },
            logger: logger
        )
        // Stops on SIGTERM or SIGINT: stops taking requests, lets in-flight invocations end, closes the store.
        try await app.runService()
    }
}

/// The Swift functions `durable serve` hosts.
enum HostedFunctions {
    /// Registers every hosted function.
    static func register(on engine: DurableEngine, invoker: InProcessInvoker) {
        // The order waits up to 7 days for shipping, so it gets 8 days in all; closed orders are kept 14 days.
        engine.host(OrderWorkflow(), on: invoker, executionTimeout: .seconds(8 * 86_400), retentionPeriodDays: 14)
    }
}
