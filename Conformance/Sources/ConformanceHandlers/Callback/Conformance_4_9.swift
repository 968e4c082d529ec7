import Durable

/// 4-9: create a callback, wait 5 seconds (the callback succeeds meanwhile), then await it.
public struct Conformance_4_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the payload the external system sent.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        try await context.wait(for: .seconds(5))
        return try await callback.result()
    }
}
