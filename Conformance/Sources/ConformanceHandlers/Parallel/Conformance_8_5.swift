import Durable

/// 8-5: a parallel with no branches completes at once.
public struct Conformance_8_5: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `[]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("empty", [ParallelBranch<String>]())
        return result.successfulValues
    }
}
