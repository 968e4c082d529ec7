import Durable

/// 8-19: max-concurrency 0 is rejected before anything is checkpointed; the execution fails.
public struct Conformance_8_19: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the validation error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("bad-concurrency", [
            ParallelBranch { _ in "b0" },
            ParallelBranch { _ in "b1" },
        ], configuration: ParallelConfiguration(maxConcurrency: 0))
        return result.successfulValues
    }
}
