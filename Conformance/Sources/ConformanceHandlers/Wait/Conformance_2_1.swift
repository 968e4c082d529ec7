import Durable

/// 2-1: a single 2-second wait.
public struct Conformance_2_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Waits 2 seconds and returns null.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.wait(for: .seconds(2))
        return .null
    }
}
