import ArgumentParser
import AsyncHTTPClient
import DurableClient
import Foundation

/// `durable-bench http`: W1–W4 over the HTTP API, against a `durable-bench serve` it starts on a fresh
/// SQLite file, or against `--url` (a service whose functions run elsewhere, e.g. in Runtime API workers).
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

    func run() async throws {
        let selected = Set(workloads.uppercased().split(separator: ",").map(String.init))
        var configuration = HTTPClient.Configuration()
        // W4 holds 200 RequestResponse invokes open at once.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("durable-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var child: ServiceProcess?
        do {
            let port = self.port ?? ServiceProcess.defaultPort()
            let client = DurableHTTPClient(endpoint: url ?? "http://127.0.0.1:\(port)", http: http)
            if url == nil {
                child = try await ServiceProcess(database: folder.appendingPathComponent("bench.sqlite").path, port: port, client: client)
            }
            let workloads = Workloads(target: HTTPTarget(client: client, peer: peer))
            if selected.contains("W1") { for result in try await workloads.w1() { result.emit() } }
            if selected.contains("W2") { for result in try await workloads.w2() { result.emit() } }
            if selected.contains("W3") { for result in try await workloads.w3() { result.emit() } }
            if selected.contains("W4") { for result in try await workloads.w4() { result.emit() } }
        } catch {
            child?.stop()
            try? await http.shutdown()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        child?.stop()
        try await http.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }
}
