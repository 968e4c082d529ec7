import Durable
import Logging

/// 3-17: a child context that only logs is not re-executed on replay.
public struct Conformance_3_17: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the child result after a 1-second wait.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let result = try await context.runInChildContext("logging-child") { child in
            child.logger.info("Child context running for input: \(input)")
            return input
        }
        try await context.wait("after-child", for: .seconds(1))
        return result
    }
}
