import Durable

/// 6-1: polls a counter from 0 until it reaches the input threshold.
public struct Conformance_6_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the final counter (the threshold).
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let threshold = input
        let strategy = WaitStrategy<Int>.custom { state, _ in state < threshold ? .continuePolling(after: .seconds(1)) : .stop }
        return try await context.waitForCondition(initialState: 0, strategy: strategy) { state, _ in state + 1 }
    }
}
