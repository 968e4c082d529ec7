import ArgumentParser
import DurableWorker
import Foundation
import Logging
import ServiceLifecycle

/// `durable-bench worker`: the workload functions in a process of their own, a Runtime API worker of a
/// `durable-bench serve --workers` (or any service registering w1…w5 for workers), built on `DurableWorker`.
///
/// Reads `AWS_LAMBDA_RUNTIME_API` (`HOST:PORT`: every function at `/functions/NAME`) and
/// `AWS_ENDPOINT_URL_LAMBDA`, as every `DurableWorker` does.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Serve the workload functions as a Runtime API worker.")

    @Option(help: "Invocations of each function this process runs at once (one long poll each).")
    var concurrency = 32

    @Option(help: "Comma-separated functions to serve, of w1,w2,w3,w4,w5.")
    var functions = "w1,w2,w3,w4"

    @Option(help: "Append W5's step side effects to this file.")
    var sideEffects: String?

    @Flag(help: "End when the process that started this one ends (the drivers set it).")
    var exitWithParent = false

    func run() async throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        let selected = Set(functions.lowercased().split(separator: ",").map(String.init))
        let served = BenchFunctions.workerFunctions(selected, concurrency: concurrency,
                                                    sideEffects: try sideEffects.map(SideEffectLog.init(path:)))
        guard served.count == selected.count else { throw ValidationError("--functions must name some of w1,w2,w3,w4,w5") }
        var logger = Logger(label: "durable-bench-worker")
        logger.logLevel = .warning
        let configuration = try DurableWorkerConfiguration.fromEnvironment(logger: logger)
        let worker = try DurableWorker(functions: served, configuration: configuration)
        let services: [any Service] = exitWithParent ? [worker, ParentWatch()] : [worker]
        try await ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger).run()
    }
}
