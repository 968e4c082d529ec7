import Durable

/// 6-6: the condition is never met; the fixed-delay strategy's 3 attempts run out and the execution fails.
public struct Conformance_6_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails once the strategy exceeds its attempts.
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let strategy = WaitStrategy<Int>.exponential(
            maxAttempts: 3, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none,
            shouldContinuePolling: { _ in true })
        return try await context.waitForCondition(initialState: input, strategy: strategy) { state, _ in state + 1 }
    }
}
