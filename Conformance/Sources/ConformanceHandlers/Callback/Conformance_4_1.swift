import Durable

/// 4-1: a callback named by the input; the handler returns its success payload.
public struct Conformance_4_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the payload the external system sent.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        return try await callback.result()
    }
}
