import Durable

/// 2-3: two sequential 2-second waits, `wait-1` and `wait-2`.
public struct Conformance_2_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `{completedWaits: 2}`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.wait("wait-1", for: .seconds(2))
        try await context.wait("wait-2", for: .seconds(2))
        return .object(["completedWaits": .number(2)])
    }
}
