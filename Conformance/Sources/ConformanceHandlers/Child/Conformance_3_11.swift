import Durable
import Logging

/// 3-11: a child context builds a result over 256 KB, so it is checkpointed in ReplayChildren mode.
public struct Conformance_3_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the size of the large result the child rebuilt, after a 1-second wait.
    public func run(_ input: String, context: DurableContext) async throws -> Int {
        let large = try await context.runInChildContext("large-result-child") { child in
            child.logger.info("Building large result for input: \(input)")
            let small = try await child.step("small-step") { _ in input }
            return String(repeating: small, count: 300_000 / max(small.count, 1) + 1)
        }
        try await context.wait("after-large-child", for: .seconds(1))
        return large.count
    }
}
