import Durable

/// 9-20: as 9-19, then a 1-second wait so the map result is rebuilt on replay.
///
/// The replay rebuilds the map result by deserializing the stored `OPSERDE:X,Y` payload with the
/// same result serializer.
public struct Conformance_9_20: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["X", "Y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map(
            "op-serde-replay", ["x", "y"], configuration: MapConfiguration(maxConcurrency: 1),
            serializers: BatchSerializers(result: OpSerdeResultSerializer())
        ) { _, value, _ in
            value.uppercased()
        }
        try await context.wait(for: .seconds(1))
        return result.successfulValues
    }
}
