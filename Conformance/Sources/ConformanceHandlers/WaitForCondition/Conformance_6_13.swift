import Durable

/// 6-13: two sequential wait-for-condition operations; the first's result (2) seeds the second (to 4).
public struct Conformance_6_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns 4.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> Int {
        let first = try await context.waitForCondition(
            initialState: 0,
            strategy: .custom { state, _ in state < 2 ? .continuePolling(after: .seconds(1)) : .stop }
        ) { state, _ in state + 1 }
        return try await context.waitForCondition(
            initialState: first,
            strategy: .custom { state, _ in state < 4 ? .continuePolling(after: .seconds(1)) : .stop }
        ) { state, _ in state + 1 }
    }
}
