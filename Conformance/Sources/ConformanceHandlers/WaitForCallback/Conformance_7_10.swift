import Durable

/// 7-10: a 1-second wait, a top-level step, then a wait-for-callback named by the input.
public struct Conformance_7_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the callback payload.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.wait(for: .seconds(1))
        _ = try await context.step { _ in JSONValue.object(["prepared": .bool(true)]) }
        return try await context.waitForCallback(input, as: String.self) { _, _ in }
    }
}
