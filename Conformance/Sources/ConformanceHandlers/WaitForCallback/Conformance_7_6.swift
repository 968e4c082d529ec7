import Durable

/// 7-6: a failed wait-for-callback is caught and the handler returns `recovered`.
public struct Conformance_7_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `recovered`.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        do {
            return try await context.waitForCallback(input, as: String.self) { _, _ in }
        } catch is DurableError {
            return "recovered"
        }
    }
}
