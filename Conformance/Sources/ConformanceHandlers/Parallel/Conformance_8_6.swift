import Durable

/// 8-6: fail-fast (tolerated failures 0): branch 1 fails and branch 2 never starts.
public struct Conformance_8_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("failfast", [
            ParallelBranch { _ in "ok" },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "never" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 0)))
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
