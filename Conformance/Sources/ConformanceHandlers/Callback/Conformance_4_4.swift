import Durable

/// 4-4: a callback with a 5-second heartbeat timeout and no heartbeat; the execution fails.
public struct Conformance_4_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the heartbeat timeout.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self, configuration: CallbackConfiguration(heartbeatTimeout: .seconds(5)))
        return try await callback.result()
    }
}
