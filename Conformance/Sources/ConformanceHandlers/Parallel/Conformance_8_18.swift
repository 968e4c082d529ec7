import Durable

/// 8-18: min-successful 3 with tolerated failures 1; the tolerance is exceeded first.
public struct Conformance_8_18: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("combined", [
            ParallelBranch<String> { _ in throw BranchFailure.error("branch 0") },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "b2" },
            ParallelBranch { _ in "b3" },
        ], configuration: ParallelConfiguration(
            maxConcurrency: 1, completion: CompletionConfiguration(minSuccessful: 3, toleratedFailureCount: 1)))
        return BatchProjection.project(result, ["completionReason", "successCount", "failureCount", "totalCount"])
    }
}
