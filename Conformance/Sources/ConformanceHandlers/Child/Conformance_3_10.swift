import Durable

/// 3-10: a child context containing a step and then a wait.
public struct Conformance_3_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input once the child's wait completed.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.runInChildContext("step-and-wait-child") { child in
            let value = try await child.step("child-step") { _ in input }
            try await child.wait("child-wait", for: .seconds(1))
            return value
        }
    }
}
