import Durable

/// 8-2: an unnamed parallel whose two branches return constants directly.
public struct Conformance_8_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["alpha", "beta"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel(nil, [
            ParallelBranch { _ in "alpha" },
            ParallelBranch { _ in "beta" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return result.successfulValues
    }
}
