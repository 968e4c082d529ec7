import Durable

/// 3-6: nested child contexts, each with a step returning the input.
public struct Conformance_3_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input through the outer and inner contexts.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.runInChildContext("outer-child") { outer in
            _ = try await outer.step("outer-step") { _ in input }
            return try await outer.runInChildContext("inner-child") { inner in
                try await inner.step("inner-step") { _ in input }
            }
        }
    }
}
