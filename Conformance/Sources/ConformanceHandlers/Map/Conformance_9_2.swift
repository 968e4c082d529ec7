import Durable

/// 9-2: an unnamed map doubles each number directly.
public struct Conformance_9_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the doubled items.
    public func run(_ input: [Int], context: DurableContext) async throws -> [Int] {
        let result = try await context.map(nil, input, configuration: MapConfiguration(maxConcurrency: 1)) { _, value, _ in value * 2 }
        return result.successfulValues
    }
}
