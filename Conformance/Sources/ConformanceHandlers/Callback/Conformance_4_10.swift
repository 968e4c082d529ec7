import Durable

/// 4-10: create a callback, wait 5 seconds (the callback fails meanwhile), then await it.
public struct Conformance_4_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback's error.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        try await context.wait(for: .seconds(5))
        return try await callback.result()
    }
}
