import Durable

/// 4-5: a heartbeat keeps a callback with a 10-second heartbeat timeout alive until it succeeds.
public struct Conformance_4_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the payload the external system sent.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self, configuration: CallbackConfiguration(heartbeatTimeout: .seconds(10)))
        return try await callback.result()
    }
}
