import Durable

/// 9-19: an operation-level serializer stores the whole map result as `OPSERDE:X,Y`.
///
/// The result serializer replaces the SDK's batch summary as the Map context payload; iterations
/// keep the default JSON payloads.
public struct Conformance_9_19: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `["X", "Y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map(
            "op-serde", ["x", "y"], configuration: MapConfiguration(maxConcurrency: 1),
            serializers: BatchSerializers(result: OpSerdeResultSerializer())
        ) { _, value, _ in
            value.uppercased()
        }
        return result.successfulValues
    }
}
