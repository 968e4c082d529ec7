import Durable

/// 9-14: a custom per-item serializer stores each result as `wrapped:<value>`.
///
/// The item serializer writes each `MapIteration` result as raw `wrapped:X` text and strips the
/// prefix when read back, so the handler still sees the plain values.
public struct Conformance_9_14: DurableFunction {
    /// Stores a string as `wrapped:<value>` and reads it back by removing the prefix.
    public struct PrefixSerializer: PayloadSerializer {
        /// The prefix written before every value.
        static let prefix = "wrapped:"

        /// Creates the serializer.
        public init() {}

        /// `wrapped:` followed by `value`, as raw text.
        public func serialize(_ value: String, context: SerializationContext) throws -> String? {
            Self.prefix + value
        }

        /// The stored text without its `wrapped:` prefix; throws when the prefix is missing.
        public func deserialize(_ text: String?, context: SerializationContext) throws -> String {
            guard let text, text.hasPrefix(Self.prefix) else {
                throw DurableError(code: .serialization, message: "Not a wrapped payload: \(text ?? "nil")")
            }
            return String(text.dropFirst(Self.prefix.count))
        }
    }

    /// Creates the handler.
    public init() {}

    /// Returns `["X", "Y"]`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let result = try await context.map(
            "serdes", ["x", "y"], configuration: MapConfiguration(maxConcurrency: 1), serializers: BatchSerializers(item: PrefixSerializer())
        ) { _, value, _ in
            value.uppercased()
        }
        return result.successfulValues
    }
}
