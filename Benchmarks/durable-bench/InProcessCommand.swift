import ArgumentParser
import Foundation

/// `durable-bench inprocess`: the workloads against the engine and SDK in this process.
struct InProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inprocess", abstract: "Run workloads in process.")

    @Option(help: "sqlite (durable: WAL, synchronous=FULL) or memory.")
    var store = "sqlite"

    @Option(help: "Comma-separated workloads: W1,W2,W3,W4,W6.")
    var workloads = "W1,W2,W3,W4,W6"

    @Option(help: "W6: how many executions to suspend on callbacks before the long-history resume.")
    var w6Executions = 10_000

    @Flag(help: "After W4, print where its lateness comes from, phase by phase, to standard error.")
    var w4Phases = false

    @Option(help: "Directory for the SQLite file (a fresh one per run).")
    var directory = NSTemporaryDirectory()

    func run() async throws {
        guard ["sqlite", "memory"].contains(store) else { throw ValidationError("--store must be sqlite or memory") }
        let selected = Set(workloads.uppercased().split(separator: ",").map(String.init))
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("durable-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let host = try EngineHost(databasePath: store == "sqlite" ? folder.appendingPathComponent("bench.sqlite").path : nil)
        let peer = "swift-inproc-\(store)"
        let target = EngineTarget(engine: host.engine, peer: peer)
        let sqlite = host.sqlite
        let workloads = Workloads(target: target, commitNote: { sqlite.map { CommitNote.describe($0.takeCommitStatistics()) } })
        try await host.running {
            _ = sqlite?.takeCommitStatistics()
            if selected.contains("W1") { for result in try await workloads.w1() { result.emit() } }
            if selected.contains("W2") { for result in try await workloads.w2() { result.emit() } }
            if selected.contains("W3") { for result in try await workloads.w3() { result.emit() } }
            if selected.contains("W4") {
                for result in try await workloads.w4() { result.emit() }
                if w4Phases { try await W4Phases.report(engine: host.engine) }
            }
            if selected.contains("W6") { for result in try await SuspensionWorkload(host: host, peer: peer).run(executions: w6Executions) { result.emit() } }
        }
    }
}
