import Foundation

/// W6: many executions suspended on callbacks in this process, then completed; and the resume of one
/// execution with a long history.
struct SuspensionWorkload: Sendable {
    let host: EngineHost
    let peer: String

    func run(executions: Int = 10_000, historySteps: Int = 1000) async throws -> [BenchResult] {
        let target = EngineTarget(engine: host.engine, peer: peer)
        let before = Statistics.residentMiB()
        let started = ContinuousClock.now
        let arns = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            var arns = [String](repeating: "", count: executions)
            var next = 0
            func add() {
                let index = next
                group.addTask { (index, try await target.start(function: "w6", input: "\"k\(index)\"", name: "w6-\(index)-\(UUID().uuidString.prefix(8))")) }
                next += 1
            }
            while next < min(200, executions) { add() }
            while let (index, arn) = try await group.next() {
                arns[index] = arn
                if next < executions { add() }
            }
            return arns
        }
        await host.engine.waitUntilIdle()
        let suspendSeconds = Statistics.seconds(since: started)
        guard host.callbacks.count == executions else {
            throw BenchError("W6: \(host.callbacks.count) of \(executions) executions reached their callback")
        }
        let resident = Statistics.residentMiB()
        let ids = host.callbacks.takeAll()
        let completing = ContinuousClock.now
        try await Workloads.forEach(ids.count, concurrency: 200) { index in
            try await target.succeedCallback(id: ids[index], result: "\"ok\"")
        }
        try await Workloads.forEach(arns.count, concurrency: 200) { index in
            guard try await target.completion(arn: arns[index]).succeeded else { throw BenchError("W6 execution \(index) failed") }
        }
        let completeSeconds = Statistics.seconds(since: completing)

        // One execution with a long history, suspended, then resumed by its callback.
        let key = "history"
        let arn = try await target.start(function: "w6h", input: "{\"key\":\"\(key)\",\"steps\":\(historySteps)}",
                                         name: "w6h-\(UUID().uuidString.prefix(8))")
        while host.callbacks.id(for: key) == nil { try await Task.sleep(for: .milliseconds(2)) }
        await host.engine.waitUntilIdle()
        let resuming = ContinuousClock.now
        try await target.succeedCallback(id: host.callbacks.id(for: key)!, result: "\"ok\"")
        guard try await target.completion(arn: arn).succeeded else { throw BenchError("W6 history execution failed") }
        let resumeMs = Statistics.seconds(since: resuming) * 1000

        return [
            BenchResult(workload: "W6", peer: peer, metric: "RSS MiB (10k suspended)", value: resident, unit: "MiB",
                        note: "process RSS before \(String(format: "%.1f", before)) MiB; suspending took \(String(format: "%.2f", suspendSeconds)) s"),
            BenchResult(workload: "W6", peer: peer, metric: "complete all callbacks s", value: completeSeconds, unit: "s"),
            BenchResult(workload: "W6", peer: peer, metric: "resume 1000-step history ms", value: resumeMs, unit: "ms"),
        ]
    }
}
