import Durable

/// 2-5: a wait of one hour is checkpointed as 3600 seconds.
public struct Conformance_2_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Waits one hour.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.wait(for: .hours(1))
        return .null
    }
}
