import Durable
import DurableModel

/// 6-7: the check throws on its first attempt; the operation and the execution fail.
public struct Conformance_6_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the check's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> Int {
        let strategy = WaitStrategy<Int>.custom { _, _ in .continuePolling(after: .seconds(1)) }
        return try await context.waitForCondition(initialState: 0, strategy: strategy) { _, _ in
            throw ErrorObject(errorType: "Error", errorMessage: "Condition check failed")
        }
    }
}
