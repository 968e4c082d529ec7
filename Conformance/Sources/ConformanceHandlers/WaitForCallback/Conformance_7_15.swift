import Durable

/// 7-15: the callback succeeds with no payload; the handler returns null.
public struct Conformance_7_15: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the empty (null) callback result.
    public func run(_ input: String, context: DurableContext) async throws -> String? {
        try await context.waitForCallback(input, as: String?.self) { _, _ in }
    }
}
