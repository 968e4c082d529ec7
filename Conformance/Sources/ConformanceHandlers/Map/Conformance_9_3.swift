import Durable

/// 9-3: the map function adds each item's index to the item.
public struct Conformance_9_3: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `item + index` for each item.
    public func run(_ input: [Int], context: DurableContext) async throws -> [Int] {
        let result = try await context.map("indexed", input, configuration: MapConfiguration(maxConcurrency: 1)) { _, value, index in value + index }
        return result.successfulValues
    }
}
