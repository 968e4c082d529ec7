import Durable

/// 8-20: a mix of successes and a failure, read through the batch-result accessors.
public struct Conformance_8_20: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `{hasFailure, successCount, failureCount, errorCount}`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.parallel("accessors", [
            ParallelBranch { _ in "b0" },
            ParallelBranch { _ in throw BranchFailure.error("branch 1") },
            ParallelBranch { _ in "b2" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 1)))
        return .object([
            "hasFailure": .bool(result.hasFailure),
            "successCount": .number(Double(result.successes.count)),
            "failureCount": .number(Double(result.failures.count)),
            "errorCount": .number(Double(result.errors.count)),
        ])
    }
}
