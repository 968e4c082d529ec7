import Durable

/// 1-9: a succeeded step returns its checkpointed result on replay without running again.
public struct Conformance_1_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `cached_value` after a 1-second wait.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let value = try await context.step { step in
            step.logger.info("step executed")
            return "cached_value"
        }
        try await context.wait(for: .seconds(1))
        return value
    }
}
