import Durable

/// 7-3: a wait-for-callback with only a submitter and no name.
public struct Conformance_7_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the callback payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.waitForCallback(as: String.self) { _, _ in }
    }
}
