import Durable

/// 3-3: a child context with two sequential steps, the second receiving the first's result.
public struct Conformance_3_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input through both steps.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.runInChildContext("sequential-steps") { child in
            let first = try await child.step("first-step") { _ in input }
            return try await child.step("second-step") { _ in first }
        }
    }
}
