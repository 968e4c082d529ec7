import ArgumentParser
import ConformanceHandlers
import DurableWorker
import Foundation
import Logging

/// Serves every conformance handler from its own process through the Lambda Runtime API of a
/// `conformance-server --workers-only` (`AWS_LAMBDA_RUNTIME_API`, `AWS_ENDPOINT_URL_LAMBDA`).
@main
struct ConformanceWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance-worker",
        abstract: "Serve the conformance handlers as a Runtime API worker of a remote service.")

    @Option(help: "Invocations of each function this process runs at once.")
    var concurrency = 1

    @Option(help: "A directory shared by every worker process, where handlers that crash once per execution remember it.")
    var crashLedger: String?

    @Option(help: "Log level of the worker's own log.")
    var logLevel = "notice"

    func run() async throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        var logger = Logger(label: "conformance-worker")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
        let ledger = CrashLedger(directory: crashLedger.map { URL(fileURLWithPath: $0, isDirectory: true) })
        let functions = ConformanceCatalog.functions(crashLedger: ledger).map { function in
            WorkerFunction(name: function.name, concurrency: concurrency, configuration: function.configuration, handler: function.handler)
        }
        try await DurableWorker.run(functions, configuration: try .fromEnvironment(logger: logger))
    }
}
