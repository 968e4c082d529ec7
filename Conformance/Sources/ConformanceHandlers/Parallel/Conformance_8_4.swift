import Durable

/// 8-4: branches returning a string, a number and an object.
public struct Conformance_8_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["hello", 42, {k: "v"}]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [JSONValue] {
        let result = try await context.parallel("hetero", [
            ParallelBranch { _ in JSONValue.string("hello") },
            ParallelBranch { _ in JSONValue.number(42) },
            ParallelBranch { _ in JSONValue.object(["k": .string("v")]) },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return result.successfulValues
    }
}
