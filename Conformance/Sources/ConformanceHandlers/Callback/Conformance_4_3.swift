import Durable

/// 4-3: a callback with a 5-second timeout that nobody completes; the execution fails.
public struct Conformance_4_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback timeout.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self, configuration: CallbackConfiguration(timeout: .seconds(5)))
        return try await callback.result()
    }
}
