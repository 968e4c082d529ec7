import Durable

/// 5-7: invoke a target with a payload near the size limit (about 200 KB).
public struct Conformance_5_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the target's report of the payload size.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        let payload = JSONValue.object(["data": .string(String(repeating: "x", count: 200_000))])
        return try await context.invoke(function: InvokeTargets.large, input: payload, as: JSONValue.self)
    }
}
