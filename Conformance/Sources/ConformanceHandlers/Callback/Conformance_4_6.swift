import Durable

/// 4-6: the external system fails the callback and the handler does not catch it.
public struct Conformance_4_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the callback's error (`RejectedError: not approved`).
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        return try await callback.result()
    }
}
