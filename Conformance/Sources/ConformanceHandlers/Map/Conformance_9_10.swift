import Durable

/// 9-10: tolerated failure percentage 25 is exceeded by the second of four failing items.
public struct Conformance_9_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailurePercentage: 25))
        let result = try await context.map("tolerated-pct", ["i0", "i1", "i2", "i3"], configuration: configuration) { _, value, index in
            if index < 2 { throw BranchFailure.error("item \(index)") }
            return value
        }
        return BatchProjection.project(result, ["completionReason", "successCount", "failureCount", "totalCount"])
    }
}
