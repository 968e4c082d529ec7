import Durable

/// 8-13: tolerated failure percentage 25 is exceeded by the second of four failing branches.
public struct Conformance_8_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("tolerated-pct", [
            ParallelBranch<String> { _ in throw BranchFailure.error("branch 0") },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "never" },
            ParallelBranch { _ in "never" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailurePercentage: 25)))
        return BatchProjection.project(result, ["completionReason", "successCount", "failureCount", "totalCount"])
    }
}
