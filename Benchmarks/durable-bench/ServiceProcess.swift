import DurableClient
import Foundation

/// A `durable-bench serve` child process on a fresh port.
final class ServiceProcess: @unchecked Sendable {
    // Only touched by the driver task that owns this value.
    let process = Process()
    let port: Int

    /// Starts `durable-bench serve` on `database` (a SQLite path or a `postgres://` URL) and waits until
    /// it answers HTTP; with `workers`, its functions are left to `durable-bench worker` processes.
    init(database: String, port: Int, sideEffects: String? = nil, workers: Bool = false, client: DurableHTTPClient) async throws {
        self.port = port
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var arguments = ["serve", "--db", database, "--port", "\(port)", "--exit-with-parent"]
        if let sideEffects { arguments += ["--side-effects", sideEffects] }
        if workers { arguments.append("--workers") }
        process.arguments = arguments
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            if (try? await client.listExecutions(function: "w1", maxItems: 1)) != nil { return }
            guard process.isRunning, ContinuousClock.now < deadline else {
                throw BenchError("durable-bench serve on port \(port) did not come up")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// A port unlikely to be taken: 20000 plus this process id modulo 20000, so parallel runs differ.
    static func defaultPort() -> Int {
        20_000 + Int(getpid()) % 20_000
    }

    /// The child's process id.
    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` and waits for the process to end.
    func stop(signal: Int32 = SIGTERM) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
