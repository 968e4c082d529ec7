import Durable

/// 9-11: three items, two at a time; results come back in item order.
public struct Conformance_9_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["r0", "r1", "r2"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("concurrent", ["r0", "r1", "r2"], configuration: MapConfiguration(maxConcurrency: 2)) { _, value, _ in value }
        return result.successfulValues
    }
}
