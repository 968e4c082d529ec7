import Durable

/// 4-7: create a callback, run a step, then await the callback, which fails.
public struct Conformance_4_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback's error.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        _ = try await context.step("between-step") { _ in "step done" }
        return try await callback.result()
    }
}
