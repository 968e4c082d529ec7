import Durable

/// 9-8: tolerated failures 1: one failing item does not stop the others.
public struct Conformance_9_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 1))
        let result = try await context.map("tolerated", ["i0", "i1", "i2"], configuration: configuration) { _, value, index in
            if index == 1 { throw BranchFailure.error("item \(index)") }
            return value
        }
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
