import Durable

/// 9-17: a successful map, then a 1-second wait; replay skips the completed map.
public struct Conformance_9_17: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["A", "B"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("then-wait", ["a", "b"], configuration: MapConfiguration(maxConcurrency: 1)) { _, value, _ in
            value.uppercased()
        }
        try await context.wait(for: .seconds(1))
        return result.successfulValues
    }
}
