import Durable

/// 8-21: an outer parallel whose single branch runs an inner parallel of two steps.
public struct Conformance_8_21: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `[["i1", "i2"]]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [[String]] {
        let outer = try await context.parallel("outer", [
            ParallelBranch { branch in
                let inner = try await branch.parallel("inner", [
                    ParallelBranch { innerBranch in try await innerBranch.step { _ in "i1" } },
                    ParallelBranch { innerBranch in try await innerBranch.step { _ in "i2" } },
                ], configuration: ParallelConfiguration(maxConcurrency: 1))
                return inner.successfulValues
            },
        ], configuration: ParallelConfiguration(maxConcurrency: 1))
        return outer.successfulValues
    }
}
