import DurableModel
import DurableServer
import Foundation

/// The engine in this process: starts through `startExecution`, waits with `waitForCompletion`.
struct EngineTarget: BenchTarget {
    let engine: DurableEngine
    let peer: String

    func run(function: String, input: String, name: String) async throws -> ExecutionTiming {
        try await completion(arn: start(function: function, input: input, name: name))
    }

    func start(function: String, input: String, name: String) async throws -> String {
        try await engine.startExecution(StartExecutionRequest(functionName: function, executionName: name, inputPayload: input)).executionArn
    }

    func completion(arn: String) async throws -> ExecutionTiming {
        let description = try await engine.waitForCompletion(executionArn: arn)
        return ExecutionTiming(arn: arn, start: description.startTimestamp, end: description.endTimestamp ?? Date(),
                               succeeded: description.status == .succeeded)
    }

    func succeedCallback(id: String, result: String) async throws {
        try await engine.sendCallbackSuccess(callbackId: id, result: result)
    }

    func history(arn: String) async throws -> [HistoryEvent] {
        try await engine.fullHistory(arn)
    }
}

extension DurableEngine {
    /// Every event of the execution, oldest first, read page by page.
    func fullHistory(_ arn: String) async throws -> [HistoryEvent] {
        var events: [HistoryEvent] = []
        var marker: String?
        repeat {
            let page = try await history(executionArn: arn, marker: marker, maxItems: 1000)
            events += page.events
            marker = page.nextMarker
        } while marker != nil
        return events
    }
}
