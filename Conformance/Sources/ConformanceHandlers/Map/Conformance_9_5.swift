import Durable

/// 9-5: fail-fast (tolerated failures 0): item 1 fails and item 2 never starts.
public struct Conformance_9_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 0))
        let result = try await context.map("failfast", ["i0", "i1", "i2"], configuration: configuration) { _, value, index in
            if index == 1 { throw BranchFailure.error("item \(index)") }
            return index == 0 ? "ok" : value
        }
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
