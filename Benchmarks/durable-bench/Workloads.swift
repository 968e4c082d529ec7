import Foundation

/// W1–W4 and W6 against one target. Every execution gets a fresh name, so runs never collide.
struct Workloads: Sendable {
    let target: any BenchTarget
    /// Reports extra facts after a workload (the store's commit statistics), or nil.
    var commitNote: @Sendable () -> String? = { nil }

    private var peer: String { target.peer }

    private func name(_ prefix: String, _ index: Int = 0) -> String {
        "\(prefix)-\(index)-\(UUID().uuidString.prefix(8))"
    }

    /// W1: one execution of `steps` sequential steps.
    func w1(steps: Int = 1000) async throws -> [BenchResult] {
        let started = ContinuousClock.now
        let timing = try await target.run(function: "w1", input: "\(steps)", name: name("w1"))
        let seconds = Statistics.seconds(since: started)
        guard timing.succeeded else { throw BenchError("W1 did not succeed") }
        return [BenchResult(workload: "W1", peer: peer, metric: "steps/s", value: Double(steps) / seconds, unit: "steps/s",
                            note: commitNote())]
    }

    /// W2: `executions` executions of ten steps, at most `concurrency` in flight.
    func w2(executions: Int = 1000, concurrency: Int = 64) async throws -> [BenchResult] {
        let started = ContinuousClock.now
        try await Self.forEach(executions, concurrency: concurrency) { index in
            let timing = try await target.run(function: "w2", input: "\(index)", name: name("w2", index))
            guard timing.succeeded else { throw BenchError("W2 execution \(index) did not succeed") }
        }
        let seconds = Statistics.seconds(since: started)
        return [
            BenchResult(workload: "W2", peer: peer, metric: "executions/s", value: Double(executions) / seconds, unit: "exec/s",
                        note: commitNote()),
            BenchResult(workload: "W2", peer: peer, metric: "steps/s", value: Double(executions * 10) / seconds, unit: "steps/s"),
        ]
    }

    /// W3: one execution mapping over `items` items, one step each.
    func w3(items: Int = 500) async throws -> [BenchResult] {
        let started = ContinuousClock.now
        let timing = try await target.run(function: "w3", input: "\(items)", name: name("w3"))
        let seconds = Statistics.seconds(since: started)
        guard timing.succeeded else { throw BenchError("W3 did not succeed") }
        return [
            BenchResult(workload: "W3", peer: peer, metric: "items/s", value: Double(items) / seconds, unit: "items/s"),
            BenchResult(workload: "W3", peer: peer, metric: "total ms", value: seconds * 1000, unit: "ms", note: commitNote()),
        ]
    }

    /// W4: `executions` executions of a one-second wait then a step, all started at once. The `late`
    /// figures are the driver's (start call to answer, less the second), as the peers' are measured, so
    /// they include the start of all 200 at once. The `wake-up late` figures measure each wake-up
    /// against the moment it was due: the driver's answer (wall clock) less the wait's scheduled end
    /// as the service recorded it, so they hold the timer's firing, the second invocation, the step, the
    /// execution's end and the answer, and not how long the 200 starts queued.
    func w4(executions: Int = 200) async throws -> [BenchResult] {
        let origin = ContinuousClock.now
        let spans = try await withThrowingTaskGroup(of: (start: Double, end: Double, answered: Date, arn: String).self) { group in
            for index in 0..<executions {
                group.addTask {
                    let start = Statistics.seconds(since: origin)
                    let timing = try await target.run(function: "w4", input: "\(index)", name: name("w4", index))
                    let answered = Date()
                    guard timing.succeeded else { throw BenchError("W4 execution \(index) did not succeed") }
                    return (start, Statistics.seconds(since: origin), answered, timing.arn)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let late = spans.map { ($0.end - $0.start - 1) * 1000 }
        let lastPast = (spans.map(\.end).max()! - spans.map(\.start).min()! - 1) * 1000
        // Read after the clock stopped, so the reads cost the workload nothing.
        var wakeUpLate: [Double] = []
        for span in spans {
            let events = try await target.history(arn: span.arn)
            guard let due = events.first(where: { $0.eventType == .waitStarted })?.details.scheduledEndTimestamp else {
                throw BenchError("W4 execution \(span.arn) has no WaitStarted with a scheduled end")
            }
            wakeUpLate.append(span.answered.timeIntervalSince(due) * 1000)
        }
        return [
            BenchResult(workload: "W4", peer: peer, metric: "late p50 ms", value: Statistics.quantile(late, 0.5), unit: "ms"),
            BenchResult(workload: "W4", peer: peer, metric: "late p99 ms", value: Statistics.quantile(late, 0.99), unit: "ms"),
            BenchResult(workload: "W4", peer: peer, metric: "late max ms", value: late.max() ?? .nan, unit: "ms"),
            BenchResult(workload: "W4", peer: peer, metric: "wake-up late p50 ms", value: Statistics.quantile(wakeUpLate, 0.5), unit: "ms"),
            BenchResult(workload: "W4", peer: peer, metric: "wake-up late p99 ms", value: Statistics.quantile(wakeUpLate, 0.99), unit: "ms"),
            BenchResult(workload: "W4", peer: peer, metric: "wake-up late max ms", value: wakeUpLate.max() ?? .nan, unit: "ms"),
            BenchResult(workload: "W4", peer: peer, metric: "last done past 1 s ms", value: lastPast, unit: "ms", note: commitNote()),
        ]
    }

    /// Runs `body` for 0..<count with at most `concurrency` at once.
    static func forEach(_ count: Int, concurrency: Int, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(concurrency, count) {
                let index = next
                group.addTask { try await body(index) }
                next += 1
            }
            while try await group.next() != nil {
                if next < count {
                    let index = next
                    group.addTask { try await body(index) }
                    next += 1
                }
            }
        }
    }
}
