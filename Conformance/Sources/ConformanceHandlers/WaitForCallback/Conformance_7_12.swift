import Durable

/// 7-12: a wait-for-callback with a 5-second heartbeat timeout and no heartbeat; the execution fails.
public struct Conformance_7_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the heartbeat timeout.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.waitForCallback(input, as: String.self, configuration: WaitForCallbackConfiguration(heartbeatTimeout: .seconds(5))) { _, _ in }
    }
}
