import Durable

/// 8-9: tolerated failures 1: one failing branch does not stop the others.
public struct Conformance_8_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("tolerated", [
            ParallelBranch { _ in "b0" },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "b2" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 1)))
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
