import Durable

/// 3-9: a child context followed by a wait; replay returns the child's cached result.
public struct Conformance_3_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the child context's result after a 1-second wait.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let result = try await context.runInChildContext("cached-child") { child in
            try await child.step("child-step") { _ in input }
        }
        try await context.wait("after-child", for: .seconds(1))
        return result
    }
}
