import DurableModel
import DurableServer
import Foundation

/// Where W4's lateness comes from, read back from the executions' histories after the workload
/// (`durable-bench inprocess --workloads W4 --w4-phases`): each execution's path from its start to
/// its answer, cut at the events the engine records, with quantiles over the executions. Printed
/// to standard error so the result lines stay as they are.
enum W4Phases {
    /// The phases, each between two of the moments `moments(_:)` returns (by index).
    private static let phases: [(name: String, from: Int, to: Int)] = [
        ("started -> first invocation began", 0, 1),
        ("first invocation began -> wait checkpointed", 1, 2),
        ("wait checkpointed -> first invocation ended", 2, 3),
        ("wait's end -> timer fired", 4, 5),
        ("timer fired -> second invocation began", 5, 6),
        ("second invocation began -> step checkpointed", 6, 7),
        ("step checkpointed -> execution closed", 7, 8),
        ("started -> closed, less the wait", 0, 8),
    ]

    /// Prints the phases of every `w4` execution the engine holds.
    static func report(engine: DurableEngine) async throws {
        var arns: [String] = []
        var marker: String?
        repeat {
            let page = try await engine.listExecutions(ExecutionListQuery(functionName: "w4", marker: marker, maxItems: 1000))
            arns += page.durableExecutions.map(\.durableExecutionArn)
            marker = page.nextMarker
        } while marker != nil
        var samples = [[Double]](repeating: [], count: phases.count)
        for arn in arns {
            let events = try await engine.fullHistory(arn)
            guard let moments = moments(events) else { continue }
            // The wait itself is not lateness: it comes off the phase that spans it.
            let wait = moments[4].timeIntervalSince(moments[2])
            for (index, phase) in phases.enumerated() {
                let spansWait = phase.from <= 2 && phase.to >= 4
                samples[index].append((moments[phase.to].timeIntervalSince(moments[phase.from]) - (spansWait ? wait : 0)) * 1000)
            }
        }
        var lines = ["W4 phases over \(samples.first?.count ?? 0) executions (ms; event timestamps have ms resolution):"]
        for (index, phase) in phases.enumerated() {
            let values = samples[index]
            lines.append("  " + phase.name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(
                format: "p50 %6.1f  p90 %6.1f  p99 %6.1f",
                Statistics.quantile(values, 0.5), Statistics.quantile(values, 0.9), Statistics.quantile(values, 0.99)))
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Started, first invocation began, wait checkpointed, first invocation ended, wait's end, timer
    /// fired, second invocation began, step checkpointed, closed; nil for a history of another shape.
    private static func moments(_ events: [HistoryEvent]) -> [Date]? {
        func first(_ type: EventType) -> HistoryEvent? { events.first { $0.eventType == type } }
        let invocations = events.filter { $0.eventType == .invocationCompleted }
        guard let started = first(.executionStarted), let waited = first(.waitStarted),
              let waitEnd = waited.details.scheduledEndTimestamp ?? waited.details.duration.map({ waited.eventTimestamp.addingTimeInterval(TimeInterval($0)) }),
              let fired = first(.waitSucceeded), let step = first(.stepSucceeded), let closed = first(.executionSucceeded),
              invocations.count >= 2, let begin1 = invocations[0].details.startTimestamp,
              let begin2 = invocations[1].details.startTimestamp else { return nil }
        return [started.eventTimestamp, begin1, waited.eventTimestamp, invocations[0].eventTimestamp,
                waitEnd, fired.eventTimestamp, begin2,
                step.eventTimestamp, closed.eventTimestamp]
    }
}
