import Durable

/// 2-4: a wait of one minute is checkpointed as 60 seconds.
public struct Conformance_2_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Waits one minute.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.wait(for: .minutes(1))
        return .null
    }
}
