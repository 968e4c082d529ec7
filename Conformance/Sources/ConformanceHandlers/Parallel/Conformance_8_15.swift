import Durable

/// 8-15: a custom per-branch serdes that wraps each result as `{"wrapped": v}`.
///
/// `ParallelConfiguration` has no item serializer (SDK gap): branch results are stored as plain
/// JSON, so the `wrapped` payloads this requirement expects are not produced.
public struct Conformance_8_15: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["x", "y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("serde", [
            ParallelBranch { _ in "x" },
            ParallelBranch { _ in "y" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return result.successfulValues
    }
}
