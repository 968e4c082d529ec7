import DurableClient
import DurableModel
import Foundation

/// A service over HTTP (`durable-bench serve`, or any `durable serve` hosting the workload functions):
/// `Invoke` as `RequestResponse` waits for the execution's end.
struct HTTPTarget: BenchTarget {
    let client: DurableHTTPClient
    let peer: String

    func run(function: String, input: String, name: String) async throws -> ExecutionTiming {
        let answer = try await client.invoke(function: function, payload: input, executionName: name)
        guard let arn = answer.executionArn else { throw BenchError("Invoke of \(function) answered \(answer.statusCode) without an ARN") }
        return try await timing(arn: arn)
    }

    func start(function: String, input: String, name: String) async throws -> String {
        let answer = try await client.invoke(function: function, payload: input, executionName: name, asynchronous: true)
        guard let arn = answer.executionArn else { throw BenchError("Invoke of \(function) answered \(answer.statusCode) without an ARN") }
        return arn
    }

    func completion(arn: String) async throws -> ExecutionTiming {
        while true {
            let timing = try await timing(arn: arn)
            if timing.end != .distantFuture { return timing }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    func succeedCallback(id: String, result: String) async throws {
        try await client.succeedCallback(id: id, result: result)
    }

    func history(arn: String) async throws -> [HistoryEvent] {
        try await client.fullHistory(arn: arn)
    }

    private func timing(arn: String) async throws -> ExecutionTiming {
        let description = try await client.execution(arn: arn)
        return ExecutionTiming(arn: arn, start: description.startTimestamp, end: description.endTimestamp ?? .distantFuture,
                               succeeded: description.status == .succeeded)
    }
}
