import Durable

/// 9-18: a map with one tolerated failure, then a 1-second wait; replay skips the completed map.
public struct Conformance_9_18: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the batch projection.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let configuration = MapConfiguration<String>(maxConcurrency: 1, completion: CompletionConfiguration(toleratedFailureCount: 1))
        let result = try await context.map("fail-then-wait", ["ok", "fail"], configuration: configuration) { _, value, _ in
            if value == "fail" { throw BranchFailure.error("item \(value)") }
            return value
        }
        try await context.wait(for: .seconds(1))
        return BatchProjection.project(result, ["completionReason", "status", "successCount", "failureCount", "totalCount"])
    }
}
