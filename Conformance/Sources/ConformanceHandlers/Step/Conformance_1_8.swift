import Durable

/// 1-8: a step then a 2-second wait; replay skips the completed step.
public struct Conformance_1_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `computed` after the wait.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let value = try await context.step { _ in "computed" }
        try await context.wait(for: .seconds(2))
        return value
    }
}
