import Durable

/// 6-10: the check returns null and the strategy stops at once.
public struct Conformance_6_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns null.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let strategy = WaitStrategy<JSONValue>.custom { _, _ in .stop }
        return try await context.waitForCondition(initialState: JSONValue.null, strategy: strategy) { _, _ in .null }
    }
}
