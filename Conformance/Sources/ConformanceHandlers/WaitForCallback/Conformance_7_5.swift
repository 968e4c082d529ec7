import Durable

/// 7-5: a wait-for-callback with a 3-second timeout times out; the execution fails.
public struct Conformance_7_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback timeout.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.waitForCallback(input, as: String.self, configuration: WaitForCallbackConfiguration(timeout: .seconds(3))) { _, _ in }
    }
}
