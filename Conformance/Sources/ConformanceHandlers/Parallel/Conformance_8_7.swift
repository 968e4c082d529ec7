import Durable

/// 8-7: fail-fast stops after branch 0 fails; the handler rethrows the batch failure.
public struct Conformance_8_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the first branch's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("throwing", [
            ParallelBranch<String> { _ in throw BranchFailure.error("branch 0") },
            ParallelBranch { _ in "never" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 0)))
        try result.throwIfError()
        return result.successfulValues
    }
}
