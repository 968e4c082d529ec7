import ArgumentParser
import AsyncHTTPClient
import DurableClient
import Foundation

/// `durable-bench http`: W1–W4 over the HTTP API, against a `durable-bench serve` it starts (on a fresh
/// SQLite file or the `--db` PostgreSQL database, its functions compiled in or served by `--workers`
/// worker processes), or against `--url` (a service whose functions run elsewhere).
struct HTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "http", abstract: "Run workloads over HTTP.")

    @Option(help: "An already running service hosting w1…w4; without it a `durable-bench serve` child is started.")
    var url: String?

    @Option(help: "The peer name to report.")
    var peer = "swift-http-sqlite"

    @Option(help: "The port of the child service (default: one derived from this process id).")
    var port: Int?

    @Option(help: "Comma-separated workloads: W1,W2,W3,W4.")
    var workloads = "W1,W2,W3,W4"

    @Option(help: "Directory for the SQLite file.")
    var directory = NSTemporaryDirectory()

    @Option(help: "A postgres:// URL for the child service's store (default: a fresh SQLite file).")
    var db: String?

    @Option(help: "`durable-bench worker` processes serving the functions; 0 compiles them into the child service.")
    var workers = 0

    @Option(help: "Invocations of each function one worker process runs at once.")
    var workerConcurrency = 32

    func run() async throws {
        guard workers >= 0, workerConcurrency >= 1 else { throw ValidationError("--workers must be ≥ 0 and --worker-concurrency ≥ 1") }
        guard url == nil || (db == nil && workers == 0) else { throw ValidationError("--db and --workers start a child service; not with --url") }
        let selected = Set(workloads.uppercased().split(separator: ",").map(String.init))
        var configuration = HTTPClient.Configuration()
        // W4 holds 200 RequestResponse invokes open at once.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("durable-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var child: ServiceProcess?
        var workerProcesses: WorkerProcesses?
        do {
            let port = self.port ?? ServiceProcess.defaultPort()
            let client = DurableHTTPClient(endpoint: url ?? "http://127.0.0.1:\(port)", http: http)
            if url == nil {
                child = try await ServiceProcess(database: db ?? folder.appendingPathComponent("bench.sqlite").path, port: port,
                                                 workers: workers > 0, client: client)
            }
            let target = HTTPTarget(client: client, peer: peer)
            if workers > 0 {
                let functions = ["W1", "W2", "W3", "W4"].filter(selected.contains).map { $0.lowercased() }
                workerProcesses = try WorkerProcesses(count: workers, concurrency: workerConcurrency, functions: functions, port: port)
                // Not timed: the workers' start, until one of them has answered an invocation.
                guard try await target.run(function: functions.first ?? "w1", input: "1", name: "warm-up-\(UUID().uuidString.prefix(8))")
                    .succeeded else { throw BenchError("the warm-up execution on the workers did not succeed") }
            }
            let workloads = Workloads(target: target)
            if selected.contains("W1") { for result in try await workloads.w1() { result.emit() } }
            if selected.contains("W2") { for result in try await workloads.w2() { result.emit() } }
            if selected.contains("W3") { for result in try await workloads.w3() { result.emit() } }
            if selected.contains("W4") { for result in try await workloads.w4() { result.emit() } }
            if let workerProcesses, !workerProcesses.allRunning { throw BenchError("a worker process ended during the run") }
        } catch {
            workerProcesses?.stop()
            child?.stop()
            try? await http.shutdown()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        workerProcesses?.stop()
        child?.stop()
        try await http.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}
