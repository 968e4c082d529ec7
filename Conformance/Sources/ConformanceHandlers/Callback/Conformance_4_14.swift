import Durable

/// 4-14: a callback timeout (3 seconds) is caught, then a 2-second wait; the execution succeeds.
public struct Conformance_4_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the caught timeout's message.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self, configuration: CallbackConfiguration(timeout: .seconds(3)))
        let message: String
        do {
            message = try await callback.result()
        } catch let error as DurableError {
            message = "Callback timed out: \(error.message ?? "timeout")"
        }
        try await context.wait(for: .seconds(2))
        return message
    }
}
