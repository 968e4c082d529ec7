import Durable

/// 9-9: tolerated failures 1 is exceeded by the second failure; item 2 never starts.
public struct Conformance_9_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 1))
        let result = try await context.map("tolerated-exceeded", ["i0", "i1", "i2"], configuration: configuration) { _, value, index in
            if index < 2 { throw BranchFailure.error("item \(index)") }
            return value
        }
        return BatchProjection.project(result, ["completionReason", "successCount", "failureCount", "totalCount"])
    }
}
