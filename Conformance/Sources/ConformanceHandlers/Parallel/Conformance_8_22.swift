import Durable

/// 8-22: one failure of four equals (does not exceed) a 25 % tolerance; all branches run.
public struct Conformance_8_22: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("pct-boundary", [
            ParallelBranch<String> { _ in throw BranchFailure.error("branch 0") },
            ParallelBranch { _ in "b1" },
            ParallelBranch { _ in "b2" },
            ParallelBranch { _ in "b3" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailurePercentage: 25)))
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
