import Durable

/// 1-4: a step returns a nested object with arrays and mixed types.
public struct Conformance_1_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `{user: {name, tags}, count: tags.count}` built in one step.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.step { _ in
            let tags = input["tags"]?.arrayValue ?? []
            return .object([
                "user": .object(["name": input["name"] ?? .null, "tags": .array(tags)]),
                "count": .number(Double(tags.count)),
            ])
        }
    }
}
