import Durable

/// 8-16: every branch fails, within a tolerance of 3; all run and the batch status is FAILED.
public struct Conformance_8_16: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let branches = (0..<3).map { index in ParallelBranch<String> { _ in throw BranchFailure.error("branch \(index)") } }
        let result = try await context.parallel("all-fail", branches,
                                                configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 3)))
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
