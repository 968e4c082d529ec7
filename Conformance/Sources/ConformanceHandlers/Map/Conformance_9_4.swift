import Durable

/// 9-4: a map over no items completes at once.
public struct Conformance_9_4: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `[]`.
    public func run(_ input: [String], context: DurableContext) async throws -> [String] {
        let result = try await context.map("empty", input) { _, value, _ in value }
        return result.successfulValues
    }
}
