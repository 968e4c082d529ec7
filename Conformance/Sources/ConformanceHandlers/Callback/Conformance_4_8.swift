import Durable

/// 4-8: create a callback with a 5-second timeout, run a step, then await it until it times out.
public struct Conformance_4_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback timeout.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self, configuration: CallbackConfiguration(timeout: .seconds(5)))
        _ = try await context.step("between-step") { _ in "step done" }
        return try await callback.result()
    }
}
