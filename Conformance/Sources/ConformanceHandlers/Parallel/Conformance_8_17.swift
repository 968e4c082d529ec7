import Durable

/// 8-17: min-successful 3 is never reached; all branches run and the batch status is FAILED.
public struct Conformance_8_17: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("min-not-reached", [
            ParallelBranch { _ in "b0" },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "b2" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(minSuccessful: 3)))
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
