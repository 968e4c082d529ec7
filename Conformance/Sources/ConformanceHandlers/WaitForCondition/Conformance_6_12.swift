import Durable

/// 6-12: the final polled state (2) feeds a step that multiplies it by 10.
public struct Conformance_6_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns 20.
    public func run(_ input: Int, context: DurableContext) async throws -> Int {
        let threshold = input
        let strategy = WaitStrategy<Int>.custom { state, _ in state < threshold ? .continuePolling(after: .seconds(1)) : .stop }
        let final = try await context.waitForCondition(initialState: 0, strategy: strategy) { state, _ in state + 1 }
        return try await context.step { _ in final * 10 }
    }
}
