import Durable

/// 9-14: a custom per-item serializer stores each result as `wrapped:<value>`.
///
/// `MapConfiguration` has no item serializer (SDK gap): iteration results are stored as plain
/// JSON, so the `wrapped:X` payloads this requirement expects are not produced.
public struct Conformance_9_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["X", "Y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("serdes", ["x", "y"], configuration: MapConfiguration(maxConcurrency: 1)) { _, value, _ in
            value.uppercased()
        }
        return result.successfulValues
    }
}
