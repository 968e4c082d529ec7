import Durable

/// 8-1: a parallel named `parallel` with two single-step branches, run one at a time.
public struct Conformance_8_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["task-1", "task-2"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("parallel", [
            ParallelBranch { branch in try await branch.step { _ in "task-1" } },
            ParallelBranch { branch in try await branch.step { _ in "task-2" } },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return result.successfulValues
    }
}
