import Durable

/// 9-13: a custom item namer names each iteration `item-<value>`.
public struct Conformance_9_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns each item times 10.
    public func run(_ input: [Int], context: DurableContext) async throws -> [Int] {
        let configuration = MapConfiguration<Int>(maxConcurrency: 1, itemNamer: { value, _ in "item-\(value)" })
        let result = try await context.map("named-items", input, configuration: configuration) { _, value, _ in value * 10 }
        return result.successfulValues
    }
}
