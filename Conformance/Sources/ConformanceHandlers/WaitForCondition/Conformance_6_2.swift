import Durable

/// 6-2: the condition (state ≥ 5) already holds on the first check; no suspension.
public struct Conformance_6_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the unchanged state (5).
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let threshold = input
        let strategy = WaitStrategy<Int>.custom { state, _ in state >= threshold ? .stop : .continuePolling(after: .seconds(1)) }
        return try await context.waitForCondition(initialState: 5, strategy: strategy) { state, _ in state }
    }
}
