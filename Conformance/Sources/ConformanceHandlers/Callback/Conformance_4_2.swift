import Durable

/// 4-2: a callback with the explicit name `approval`.
public struct Conformance_4_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the payload the external system sent.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback("approval", as: String.self)
        return try await callback.result()
    }
}
