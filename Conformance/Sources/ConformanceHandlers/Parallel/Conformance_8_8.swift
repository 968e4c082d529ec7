import Durable

/// 8-8: min-successful 2 completes after two of four branches.
public struct Conformance_8_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let branches = (0..<4).map { index in ParallelBranch { _ in "b\(index)" } }
        let result = try await context.parallel("min-successful", branches,
                                                configuration: ParallelConfiguration(maxConcurrency: 1, completion: CompletionConfiguration(minSuccessful: 2)))
        return BatchProjection.project(result, ["completionReason", "successCount", "totalCount"])
    }
}
