import Durable

/// 3-18: a child context with a step and a wait, then a step and a wait at the top level.
public struct Conformance_3_18: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input after three invocations.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        _ = try await context.runInChildContext("step-and-wait-child") { child in
            let value = try await child.step("child-step") { _ in input }
            try await child.wait("child-wait", for: .seconds(1))
            return value
        }
        let result = try await context.step("outer-step") { _ in input }
        try await context.wait("outer-wait", for: .seconds(1))
        return result
    }
}
