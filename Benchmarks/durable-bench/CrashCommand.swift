import ArgumentParser
import AsyncHTTPClient
import DurableClient
import DurableModel
import Foundation
import GRDB

/// `durable-bench crash` (W5): executions of twenty steps on a `durable-bench serve` child, `kill -9`
/// mid-run, a restart; reports the time until all finished after the restart and how many steps that
/// had already completed (SUCCEEDED in the database at the kill) ran their side effect again.
struct CrashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "crash", abstract: "W5: kill -9 mid-run, restart.")

    @Option(help: "Executions to start.")
    var executions = 200

    @Option(help: "Kill once this fraction of all step side effects happened.")
    var killAt = 0.4

    @Option(help: "The port of the child service (default: one derived from this process id).")
    var port: Int?

    @Option(help: "Directory for the SQLite file and the side-effect log.")
    var directory = NSTemporaryDirectory()

    func run() async throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("durable-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("bench.sqlite").path
        let effects = folder.appendingPathComponent("effects.log").path
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await measure(http: http, database: database, effects: effects)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    private func measure(http: HTTPClient, database: String, effects: String) async throws {
        let port = self.port ?? ServiceProcess.defaultPort()
        let client = DurableHTTPClient(endpoint: "http://127.0.0.1:\(port)", http: http)

        let first = try await ServiceProcess(database: database, port: port, sideEffects: effects, client: client)
        let names = (0..<executions).map { "w5-\($0)" }
        try await Workloads.forEach(executions, concurrency: 32) { index in
            _ = try await client.invoke(function: "w5", payload: "\"\(names[index])\"", executionName: names[index], asynchronous: true)
        }
        let killLines = Int(Double(executions * 20) * killAt)
        while Self.lines(effects).count < killLines { try await Task.sleep(for: .milliseconds(1)) }
        first.stop(signal: SIGKILL)
        let before = Self.lines(effects)
        let completed = try Self.succeededSteps(database)

        let restarted = ContinuousClock.now
        let second = try await ServiceProcess(database: database, port: port, sideEffects: effects, client: client)
        let ready = Statistics.seconds(since: restarted)
        while try await Self.succeededCount(client) < executions { try await Task.sleep(for: .milliseconds(5)) }
        let finished = Statistics.seconds(since: restarted)
        second.stop()

        let after = Self.lines(effects).dropFirst(before.count)
        let duplicates = after.filter { completed.contains($0) }.count
        let seenBefore = Set(before)
        let rerunInFlight = after.filter { seenBefore.contains($0) && !completed.contains($0) }.count
        let all = Set(Self.lines(effects))
        guard all.count == executions * 20 else { throw BenchError("W5: \(all.count) of \(executions * 20) steps ran") }
        let note = "killed after \(before.count) side effects with \(completed.count) steps SUCCEEDED in the database; "
            + "\(rerunInFlight) in-flight (uncheckpointed) steps re-ran; service answering \(String(format: "%.3f", ready)) s after restart"
        BenchResult(workload: "W5", peer: "swift-http-sqlite", metric: "all done after restart s", value: finished, unit: "s", note: note).emit()
        BenchResult(workload: "W5", peer: "swift-http-sqlite", metric: "duplicated completed steps", value: Double(duplicates), unit: "steps").emit()
    }

    /// The side-effect log's lines (`name<TAB>step`).
    static func lines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    /// The steps SUCCEEDED in the database, as side-effect lines.
    static func succeededSteps(_ path: String) throws -> Set<String> {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT e.execution_name AS name, json_extract(o.operation, '$.Name') AS step
                FROM operations o JOIN executions e ON e.execution_key = o.execution_key
                WHERE json_extract(o.operation, '$.Type') = 'STEP' AND json_extract(o.operation, '$.Status') = 'SUCCEEDED'
                """)
            return Set(rows.map { row -> String in
                let name: String = row["name"]
                let step: String = row["step"]
                return "\(name)\t\(step)"
            })
        }
    }

    /// How many w5 executions SUCCEEDED.
    static func succeededCount(_ client: DurableHTTPClient) async throws -> Int {
        var count = 0
        var marker: String?
        repeat {
            let page = try await client.listExecutions(function: "w5", statuses: [.succeeded], marker: marker, maxItems: 1000)
            count += page.durableExecutions.count
            marker = page.nextMarker
        } while marker != nil
        return count
    }
}
