import Durable

/// 4-11: a callback with a 3-second timeout times out during a 6-second wait.
public struct Conformance_4_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback timeout once the wait is over.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self, configuration: CallbackConfiguration(timeout: .seconds(3)))
        try await context.wait(for: .seconds(6))
        return try await callback.result()
    }
}
