import Durable

/// 9-12: FLAT nesting (items in virtual contexts, steps directly under the map).
///
/// `MapConfiguration` has no nesting mode (SDK gap): items still get their own `MapIteration`
/// contexts, so this requirement's history is not produced.
public struct Conformance_9_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["fa", "fb"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("flat", ["fa", "fb"], configuration: MapConfiguration(maxConcurrency: 1)) { item, value, _ in
            try await item.step { _ in value }
        }
        return result.successfulValues
    }
}
