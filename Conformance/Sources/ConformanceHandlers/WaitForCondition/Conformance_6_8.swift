import Durable
import DurableModel

/// 6-8: the check throws on its first attempt; the handler catches it and returns `recovered`.
public struct Conformance_6_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `recovered`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let strategy = WaitStrategy<Int>.custom { _, _ in .continuePolling(after: .seconds(1)) }
        do {
            let state = try await context.waitForCondition(initialState: 0, strategy: strategy) { _, _ in
                throw ErrorObject(errorType: "Error", errorMessage: "Condition check failed")
            }
            return String(state)
        } catch is DurableError {
            return "recovered"
        }
    }
}
