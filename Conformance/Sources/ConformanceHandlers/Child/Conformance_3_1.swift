import Durable

/// 3-1: a child context containing one step that returns the input.
public struct Conformance_3_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the input through the child context.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.runInChildContext { child in
            try await child.step { _ in input }
        }
    }
}
