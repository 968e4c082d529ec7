import Durable
import Foundation

/// 8-15: a custom per-branch serdes that wraps each result as `{"wrapped": v}`.
///
/// The item serializer stores each `ParallelBranch` result in the envelope and unwraps it when
/// read back, so the handler still sees the plain values.
public struct Conformance_8_15: DurableFunction {
    /// Stores a value as `{"wrapped": value}` and reads it back from that envelope.
    public struct WrappingSerializer<Value: Codable & Sendable>: PayloadSerializer {
        /// The stored envelope.
        struct Envelope: Codable {
            var wrapped: Value
        }

        /// Creates the serializer.
        public init() {}

        /// The JSON text of `{"wrapped": value}`.
        public func serialize(_ value: Value, context: SerializationContext) throws -> String? {
            String(decoding: try JSONEncoder().encode(Envelope(wrapped: value)), as: UTF8.self)
        }

        /// The value inside the stored envelope.
        public func deserialize(_ text: String?, context: SerializationContext) throws -> Value {
            try JSONDecoder().decode(Envelope.self, from: Data((text ?? "").utf8)).wrapped
        }
    }

    /// Creates the handler.
    public init() {}

    /// Returns `["x", "y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.parallel("serde", [
            ParallelBranch { _ in "x" },
            ParallelBranch { _ in "y" },
        ], configuration: ParallelConfiguration(maxConcurrency: 1), serializers: BatchSerializers(item: WrappingSerializer<String>()))
        return result.successfulValues
    }
}
