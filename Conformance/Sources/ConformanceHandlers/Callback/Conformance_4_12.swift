import Durable

/// 4-12: await a callback, then wait 2 seconds, then return the callback result.
public struct Conformance_4_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the payload the external system sent.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        let result = try await callback.result()
        try await context.wait(for: .seconds(2))
        return result
    }
}
