import Durable

/// 9-19: an operation-level serializer stores the whole map result as `OPSERDE:X,Y`.
///
/// `MapConfiguration` has no result serializer (SDK gap): the Map context stores the SDK's batch
/// summary, so the `OPSERDE:X,Y` payload this requirement expects is not produced.
public struct Conformance_9_19: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["X", "Y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("op-serde", ["x", "y"], configuration: MapConfiguration(maxConcurrency: 1)) { _, value, _ in
            value.uppercased()
        }
        return result.successfulValues
    }
}
