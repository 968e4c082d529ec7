import Durable

/// 6-5: a fixed 2-second wait strategy (no jitter, no backoff) polls up to the input threshold.
public struct Conformance_6_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the final state (the threshold).
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let threshold = input
        let strategy = WaitStrategy<Int>.exponential(
            maxAttempts: 60, initialDelay: .seconds(2), maxDelay: .seconds(2), backoffRate: 1, jitter: .none,
            shouldContinuePolling: { $0 < threshold })
        return try await context.waitForCondition(initialState: 0, strategy: strategy) { state, _ in state + 1 }
    }
}
