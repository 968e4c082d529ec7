import Durable

/// 9-15: item 1 waits 1 second mid-map; on resume item 0 is not re-run.
public struct Conformance_9_15: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["r0", "r1"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("suspend", ["r0", "r1"], configuration: MapConfiguration(maxConcurrency: 1)) { item, value, index in
            if index == 1 { try await item.wait(for: .seconds(1)) }
            return try await item.step { _ in value }
        }
        return result.successfulValues
    }
}
