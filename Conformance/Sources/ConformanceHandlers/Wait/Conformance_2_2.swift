import Durable

/// 2-2: a 2-second wait named `custom_wait_name`.
public struct Conformance_2_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Waits 2 seconds and returns null.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.wait("custom_wait_name", for: .seconds(2))
        return .null
    }
}
