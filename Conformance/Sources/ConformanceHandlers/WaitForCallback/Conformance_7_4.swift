import Durable

/// 7-4: the external system fails the wait-for-callback and the handler does not catch it.
public struct Conformance_7_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback's error.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.waitForCallback(input, as: String.self) { _, _ in }
    }
}
