import Durable

/// 9-20: as 9-19, then a 1-second wait so the map result is rebuilt on replay.
///
/// `MapConfiguration` has no result serializer (SDK gap): the `OPSERDE:X,Y` payload this
/// requirement expects is not produced.
public struct Conformance_9_20: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["X", "Y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map("op-serde-replay", ["x", "y"], configuration: MapConfiguration(maxConcurrency: 1)) { _, value, _ in
            value.uppercased()
        }
        try await context.wait(for: .seconds(1))
        return result.successfulValues
    }
}
