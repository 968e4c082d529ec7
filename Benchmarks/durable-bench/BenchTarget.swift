import DurableModel
import Foundation

/// Where the workloads run: the engine in this process, or a service over HTTP.
protocol BenchTarget: Sendable {
    /// The peer name in the results table.
    var peer: String { get }
    /// Starts `function` with a JSON `input` and waits for its end.
    func run(function: String, input: String, name: String) async throws -> ExecutionTiming
    /// Starts `function` with a JSON `input` without waiting; returns the execution's ARN.
    func start(function: String, input: String, name: String) async throws -> String
    /// Waits for the execution's end.
    func completion(arn: String) async throws -> ExecutionTiming
    /// Completes a callback successfully.
    func succeedCallback(id: String, result: String) async throws
    /// The execution's whole history, oldest event first.
    func history(arn: String) async throws -> [HistoryEvent]
}
