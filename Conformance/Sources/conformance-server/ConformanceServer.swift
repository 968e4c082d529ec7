import ArgumentParser
import ConformanceHandlers
import DurableHTTP
import DurableServer
import DurableSQLite
import DurableStorePostgres
import Foundation
import Hummingbird
import Logging

/// Serves every conformance requirement's handler as `conformance-<id>`, on the same engine,
/// HTTP API and SQLite (or PostgreSQL) store as `durable serve`.
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

    func run() async throws {
        var logger = Logger(label: "conformance-server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
        let store: any ExecutionStore
        var configuration = EngineConfiguration()
        var pool: Task<Void, any Error>?
        if db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") {
            let postgres = try PostgresExecutionStore(url: db, logger: logger)
            // The pool runs beside the application and stops after it, as in `durable serve`.
            pool = Task { try await postgres.run() }
            try await postgres.migrate()
            store = postgres
            configuration.sharing = NodeSharing(nodeId: "conformance-\(ProcessInfo.processInfo.processIdentifier)")
        } else {
            store = try SQLiteExecutionStore(path: db)
        }
        defer { pool?.cancel() }
        let invoker = InProcessInvoker()
        let engine = DurableEngine(store: store, invoker: invoker, clock: SystemClock(), configuration: configuration, logger: logger)
        ConformanceCatalog.register(on: engine, invoker: invoker)
        // Invocations that were queued or running when the last process died are re-queued (and the
        // running ones recorded as crashed) before any new work is taken.
        let recovered = try await engine.recoverInterruptedInvocations()
        if recovered > 0 { logger.notice("re-queued \(recovered) interrupted invocations") }
        let app = Application(
            router: DurableAPI(engine: engine, logger: logger).makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "conformance-server"),
            services: engine.makeServices(),
            logger: logger)
        try await app.runService()
    }
}
