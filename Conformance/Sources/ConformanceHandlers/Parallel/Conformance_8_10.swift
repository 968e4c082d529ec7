import Durable

/// 8-10: tolerated failures 1 is exceeded by the second failure; branch 2 never starts.
public struct Conformance_8_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("tolerated-exceeded", [
            ParallelBranch<String> { _ in throw BranchFailure.error("branch 0") },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "never" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 1)))
        return BatchProjection.project(result, ["completionReason", "successCount", "failureCount", "totalCount"])
    }
}
