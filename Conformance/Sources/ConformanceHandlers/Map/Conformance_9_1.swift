import Durable

/// 9-1: a map named `map` greets each item in a step, one item at a time.
public struct Conformance_9_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the greetings in item order.
    public func run(_ input: [String], context: DurableContext) async throws -> [String] {
        let result = try await context.map("map", input, configuration: MapConfiguration(maxConcurrency: 1)) { item, value, _ in
            try await item.step { _ in "Hello, \(value)!" }
        }
        return result.successfulValues
    }
}
