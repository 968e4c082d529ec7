import Durable

/// 3-14: a child context whose custom serdes stores its result upper-cased.
public struct Conformance_3_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the child result as its serdes round-trips it (upper case).
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.runInChildContext("uppercase-child", configuration: ChildContextConfiguration(serializer: UppercaseRawSerializer())) { child in
            try await child.step("child-step") { _ in input }
        }
    }
}
