import Durable

/// 3-2: a child context named by `input.name` whose step returns `input.value`.
public struct Conformance_3_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `input.value` through the named child context.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let name = input["name"]?.text ?? "child"
        let value = input["value"]?.text ?? ""
        return try await context.runInChildContext(name) { child in
            try await child.step { _ in value }
        }
    }
}
