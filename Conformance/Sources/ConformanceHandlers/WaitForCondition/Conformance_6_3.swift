import Durable

/// 6-3: a wait-for-condition named `poll-status` counts from 0 to 2.
public struct Conformance_6_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the final counter (2).
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let strategy = WaitStrategy<Int>.custom { state, _ in state < 2 ? .continuePolling(after: .seconds(1)) : .stop }
        return try await context.waitForCondition("poll-status", initialState: 0, strategy: strategy) { state, _ in state + 1 }
    }
}
