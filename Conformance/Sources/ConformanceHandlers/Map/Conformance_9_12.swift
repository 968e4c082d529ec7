import Durable

/// 9-12: FLAT nesting (items in virtual contexts, steps directly under the map).
///
/// With `nesting: .flat` no `MapIteration` contexts are checkpointed; each item's step hangs
/// directly under the Map context.
public struct Conformance_9_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["fa", "fb"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("flat", ["fa", "fb"], configuration: MapConfiguration(maxConcurrency: 1, nesting: .flat)) { item, value, _ in
            try await item.step { _ in value }
        }
        return result.successfulValues
    }
}
