import Durable

/// 7-9: two sequential wait-for-callback operations, `first` and `second`.
public struct Conformance_7_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the second callback's payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        _ = try await context.waitForCallback("first", as: String.self) { _, _ in }
        return try await context.waitForCallback("second", as: String.self) { _, _ in }
    }
}
