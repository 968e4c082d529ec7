import Durable

/// 9-7: min-successful 2 completes after two of four items.
public struct Conformance_9_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(minSuccessful: 2))
        let result = try await context.map("min-successful", ["i0", "i1", "i2", "i3"], configuration: configuration) { _, value, _ in value }
        return BatchProjection.project(result, ["completionReason", "successCount", "totalCount"])
    }
}
