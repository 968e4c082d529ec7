import ArgumentParser
import DurableHTTP
import DurableHosting
import DurableServer
import DurableStores
import Foundation
import Hummingbird
import Logging
import OrderProcessing

/// `durable serve`: the service on an embedded SQLite file (or PostgreSQL), with the Swift functions compiled in.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the durable execution service.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 9000

    @Option(help: "The SQLite database file, or a postgres:// URL (default: $DURABLE_DB or ~/.durable/durable.sqlite).")
    var db: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(name: .customLong("function"), help: ArgumentHelp(
        "A durable function served by Runtime API workers, as NAME or NAME:EXECUTION_TIMEOUT_SECONDS (repeatable).",
        discussion: """
            Created in the store if missing (or its $LATEST updated), as CreateFunction would. Workers take its \
            invocations with AWS_LAMBDA_RUNTIME_API=HOST:PORT/functions/NAME, or HOST:PORT/functions/NAME/versions/N \
            for a published version.
            """))
    var functions: [String] = []

    @Option(help: "Seconds one handler invocation may run before it is recorded as Sandbox.Timedout.")
    var invocationTimeout: Int = 900

    @Option(help: "Handler invocations this node runs at once (with PostgreSQL: the most it claims).")
    var maxConcurrentInvocations: Int = 64

    @Option(help: "API requests this node handles at once; more are refused with TooManyRequestsException.")
    var maxInFlightRequests: Int = 1024

    @Option(help: "PostgreSQL: this node's id in the leases it holds (default: host name, process id and a random suffix).")
    var nodeId: String?

    @Option(help: "PostgreSQL: seconds a lease lasts unrenewed; a dead node's work is taken over after this.")
    var leaseDuration: Double = 15

    @Option(help: "PostgreSQL: the longest the node waits, in seconds, before looking for work without a notification.")
    var pollInterval: Double = 1

    @Option(help: "PostgreSQL: connections in this node's pool.")
    var dbPoolSize: Int = 20

    @Flag(help: "Also host the probe functions probe-mixed and probe-steps (multi-node tests and benchmarks).")
    var probeFunctions = false

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
        guard maxConcurrentInvocations > 0, maxInFlightRequests > 0, dbPoolSize > 0 else {
            throw ValidationError("--max-concurrent-invocations, --max-in-flight-requests and --db-pool-size must be positive")
        }
        guard leaseDuration >= 1, pollInterval > 0, pollInterval < leaseDuration else {
            throw ValidationError("--lease-duration must be at least 1 second and --poll-interval positive and shorter")
        }
        let workerFunctions = try functions.map(Self.parseFunction)
        guard invocationTimeout > 0 else { throw ValidationError("--invocation-timeout must be positive") }
        let database = try ServiceDatabase(path, poolSize: dbPoolSize, logger: logger)
        try await database.run { try await serve(on: database, workerFunctions: workerFunctions, logger: logger) }
    }

    /// Runs the engine, the HTTP API and the Runtime API on `database` until SIGTERM or SIGINT.
    private func serve(on database: ServiceDatabase, workerFunctions: [FunctionConfiguration], logger: Logger) async throws {
        let store = database.store
        let databaseDescription = database.description
        let invoker = InProcessInvoker()
        // Functions compiled in run in process; every other one goes to the Runtime API workers.
        let workers = WorkerInvoker(plainInvocationTimeout: .seconds(invocationTimeout))
        // On PostgreSQL the node shares the database's work with any other nodes on it.
        let sharing = database.postgres == nil ? nil : NodeSharing(
            nodeId: nodeId ?? Self.defaultNodeId, leaseDuration: .milliseconds(Int(leaseDuration * 1000)),
            pollInterval: .milliseconds(Int(pollInterval * 1000)))
        let configuration = EngineConfiguration(maxConcurrentInvocations: maxConcurrentInvocations,
                                                invocationTimeout: .seconds(invocationTimeout), sharing: sharing)
        let engine = DurableEngine(store: store, invoker: RoutingInvoker(inProcess: invoker, fallback: workers),
                                   clock: SystemClock(), configuration: configuration, logger: logger)
        // A compiled-in function also named with --function is left to its workers.
        HostedFunctions.register(on: engine, invoker: invoker, except: Set(workerFunctions.map(\.name)),
                                 probes: probeFunctions)
        // Worker-served functions are stored like ones made with CreateFunction, so they can be
        // versioned and aliased; a restart with other settings updates their $LATEST.
        for var function in workerFunctions {
            function.invocationTimeoutSeconds = min(invocationTimeout, 900)
            try await engine.ensureWorkerFunction(function)
        }

        // Invocations that were queued or running when the last process died are re-queued (and the
        // running ones recorded as crashed) before any new work is taken.
        let recovered = try await engine.recoverInterruptedInvocations()
        if recovered > 0 { logger.notice("re-queued \(recovered) interrupted invocations") }
        let api = DurableAPI(engine: engine, maxInFlightRequests: maxInFlightRequests, logger: logger)
        let startupLogger = logger
        let router = api.makeRouter(context: DurableRequestContext.self)
        // With a single worker-served function, the bare Runtime API paths serve it too, so a worker
        // configured with a plain HOST:PORT (as in Lambda) works as well.
        let runtime = RuntimeAPI(invoker: workers, configuration: configuration,
                                 defaultFunction: workerFunctions.count == 1 ? workerFunctions[0].name : nil, logger: logger)
        runtime.addRoutes(to: router)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "durable"),
            services: engine.makeServices(),
            onServerRunning: { channel in
                startupLogger.notice("durable service listening on http://\(host):\(port) (database \(databaseDescription))")
            },
            logger: logger
        )
        // Stops on SIGTERM or SIGINT: stops taking requests, lets in-flight invocations end, closes the store.
        try await app.runService()
    }

    /// A node id unique enough among the nodes on one database: host, process and a random suffix.
    static var defaultNodeId: String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Parses `NAME` or `NAME:EXECUTION_TIMEOUT_SECONDS`.
    static func parseFunction(_ text: String) throws -> FunctionConfiguration {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, name.range(of: "^[a-zA-Z0-9_-]{1,64}$", options: .regularExpression) != nil else {
            throw ValidationError("--function \(text): the name must be 1 to 64 of a-z, A-Z, 0-9, - and _")
        }
        var configuration = FunctionConfiguration(name: name)
        if parts.count == 2 {
            guard let seconds = Int(parts[1]), (1...31_622_400).contains(seconds) else {
                throw ValidationError("--function \(text): the execution timeout must be 1 to 31622400 seconds")
            }
            configuration.executionTimeoutSeconds = seconds
        }
        return configuration
    }
}

/// The Swift functions `durable serve` hosts.
enum HostedFunctions {
    /// Registers every hosted function but those in `servedByWorkers`, and the benchmark probes when asked.
    static func register(on engine: DurableEngine, invoker: InProcessInvoker, except servedByWorkers: Set<String> = [],
                         probes: Bool = false) {
        // The order waits up to 7 days for shipping, so it gets 8 days in all; closed orders are kept 14 days.
        if !servedByWorkers.contains(OrderWorkflow.name) {
            engine.host(OrderWorkflow(), on: invoker, executionTimeout: .seconds(8 * 86_400), retentionPeriodDays: 14)
        }
        if probes {
            engine.host(MixedProbe(), on: invoker, executionTimeout: .seconds(3600), retentionPeriodDays: 1)
            engine.host(StepsProbe(), on: invoker, executionTimeout: .seconds(3600), retentionPeriodDays: 1)
        }
    }
}
