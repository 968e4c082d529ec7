import Durable

/// 6-4: the initial state 5 seeds the first check; the counter runs up to the input threshold.
public struct Conformance_6_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the final state (the threshold).
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let threshold = input
        let strategy = WaitStrategy<Int>.custom { state, _ in state < threshold ? .continuePolling(after: .seconds(1)) : .stop }
        return try await context.waitForCondition(initialState: 5, strategy: strategy) { state, _ in state + 1 }
    }
}
