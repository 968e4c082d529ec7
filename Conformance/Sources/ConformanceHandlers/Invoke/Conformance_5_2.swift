import Durable

/// 5-2: a named invoke (name from `input.name`) of the echo target with `input.payload`.
public struct Conformance_5_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let name = input["name"]?.text ?? "invoke"
        let payload = input["payload"]?.text ?? ""
        return try await context.invoke(name, function: InvokeTargets.echo, input: payload, as: String.self)
    }
}
