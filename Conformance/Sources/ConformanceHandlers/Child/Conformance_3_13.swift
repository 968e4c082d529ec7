import Durable

/// 3-13: a child context containing only a wait, then a step outside it.
public struct Conformance_3_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input from the outer step.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        _ = try await context.runInChildContext("wait-only-child") { child in
            try await child.wait("child-wait", for: .seconds(1))
            return input
        }
        return try await context.step("outer-step") { _ in input }
    }
}
