import Durable

/// 8-3: a parallel named `named` with branches named `first` and `second`.
public struct Conformance_8_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["one", "two"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("named", [
            ParallelBranch("first") { _ in "one" },
            ParallelBranch("second") { _ in "two" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return result.successfulValues
    }
}
