import Durable

/// 8-14: branch 1 suspends on a 2-second wait; on resume branch 0 is not re-run.
public struct Conformance_8_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["b0", "b1"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("replay", [
            ParallelBranch { branch in try await branch.step { _ in "b0" } },
            ParallelBranch { branch in
                try await branch.wait(for: .seconds(2))
                return "b1"
            },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return result.successfulValues
    }
}
