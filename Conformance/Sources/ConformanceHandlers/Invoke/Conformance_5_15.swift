import Durable

/// 5-15: an invoke whose outgoing payload a custom serdes upper-cases.
///
/// The payload serializer upper-cases the JSON text before it is sent, so the target receives
/// (and echoes) the upper-cased payload.
public struct Conformance_5_15: DurableFunction {
    /// Writes a value as upper-cased JSON text; reads JSON.
    public struct UppercasePayloadSerializer: PayloadSerializer {
        /// Creates the serializer.
        public init() {}

        /// The JSON text of `value`, upper-cased.
        public func serialize(_ value: JSONValue, context: SerializationContext) throws -> String? {
            try JSONPayloadSerializer<JSONValue>().serialize(value, context: context)?.uppercased()
        }

        /// The JSON value of `text`.
        public func deserialize(_ text: String?, context: SerializationContext) throws -> JSONValue {
            try JSONPayloadSerializer<JSONValue>().deserialize(text, context: context)
        }
    }

    /// Creates the handler.
    public init() {}

    /// Returns the target's echo of the upper-cased payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.invoke(function: InvokeTargets.echo, input: input, as: JSONValue.self, payloadSerializer: UppercasePayloadSerializer())
    }
}
