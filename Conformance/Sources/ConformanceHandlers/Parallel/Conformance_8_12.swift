import Durable

/// 8-12: FLAT nesting (branches in virtual contexts, steps directly under the parallel).
///
/// With `nesting: .flat` no `ParallelBranch` contexts are checkpointed; each branch's step hangs
/// directly under the Parallel context.
public struct Conformance_8_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["fa", "fb"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("flat", [
            ParallelBranch { branch in try await branch.step { _ in "fa" } },
            ParallelBranch { branch in try await branch.step { _ in "fb" } },
        ], configuration: ParallelConfiguration(maxConcurrency: 1, nesting: .flat))
        return result.successfulValues
    }
}
