import Durable

/// 7-13: a heartbeat keeps a wait-for-callback (10-second heartbeat timeout) alive until it succeeds.
public struct Conformance_7_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the callback payload.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.waitForCallback(input, as: String.self, configuration: WaitForCallbackConfiguration(heartbeatTimeout: .seconds(10))) { _, _ in }
    }
}
