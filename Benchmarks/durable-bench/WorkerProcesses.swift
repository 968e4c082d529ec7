import Foundation

/// `durable-bench worker` child processes serving the workload functions of a service on `port`.
final class WorkerProcesses: @unchecked Sendable {
    // Only touched by the driver task that owns this value.
    private let processes: [Process]

    /// Starts `count` workers, each running `concurrency` invocations of each of `functions` at once.
    init(count: Int, concurrency: Int, functions: [String], port: Int) throws {
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:\(port)"
        environment["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:\(port)"
        var started: [Process] = []
        for _ in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = ["worker", "--concurrency", "\(concurrency)", "--functions", functions.joined(separator: ","),
                                 "--exit-with-parent"]
            process.environment = environment
            do {
                try process.run()
            } catch {
                for running in started { Self.stop(running, signal: SIGKILL) }
                throw error
            }
            started.append(process)
        }
        processes = started
    }

    /// Whether every worker is still running.
    var allRunning: Bool { processes.allSatisfy(\.isRunning) }

    /// Sends SIGTERM (a worker then finishes the invocations it holds) and waits for every worker to end.
    func stop() {
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGTERM) }
        for process in processes { process.waitUntilExit() }
    }

    private static func stop(_ process: Process, signal: Int32) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit {
        for process in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
