import Durable

/// 9-16: four items of about 70 KB each exceed the 256 KB result threshold (ReplayChildren).
public struct Conformance_9_16: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `{successCount, totalCount}`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let result = try await context.map("large", [0, 1, 2, 3], configuration: MapConfiguration(maxConcurrency: 1)) { _, value, _ in
            String(repeating: String(value), count: 70_000)
        }
        return BatchProjection.project(result, ["successCount", "totalCount"])
    }
}
