import Durable

/// A custom serdes that upper-cases a string before writing it as JSON (1-6).
public struct UppercaseJSONSerializer: PayloadSerializer {
    /// Creates the serializer.
    public init() {}

    /// The JSON string of `value` in upper case.
    public func serialize(_ value: String, context: SerializationContext) throws -> String? {
        try JSONPayloadSerializer<String>().serialize(value.uppercased(), context: context)
    }

    /// The JSON string as stored.
    public func deserialize(_ text: String?, context: SerializationContext) throws -> String {
        try JSONPayloadSerializer<String>().deserialize(text, context: context)
    }
}
