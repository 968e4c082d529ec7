import Durable

/// 8-11: three branches, two at a time; results come back in branch order.
public struct Conformance_8_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["r0", "r1", "r2"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let branches = (0..<3).map { index in ParallelBranch { _ in "r\(index)" } }
        let result = try await context.parallel("concurrent", branches, configuration: ParallelConfiguration(maxConcurrency: 2))
        return result.successfulValues
    }
}
