import Foundation

/// The default serializer: compact JSON, dates as ISO-8601 strings (like JS `JSON.stringify`).
public struct JSONPayloadSerializer<Value: Codable & Sendable>: PayloadSerializer {
    /// Creates the serializer.
    public init() {}

    /// JSON text of `value`.
    public func serialize(_ value: Value, context: SerializationContext) throws -> String? {
        if let text = ScalarJSON.encode(value) { return text }
        return String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }

    /// Decodes JSON text; an absent payload decodes as JSON `null` (so optionals come back nil).
    public func deserialize(_ text: String?, context: SerializationContext) throws -> Value {
        let source = (text?.isEmpty ?? true) ? "null" : text!
        if let value = ScalarJSON.decode(source, as: Value.self) { return value }
        return try JSONCoding.decoder.decode(Value.self, from: Data(source.utf8))
    }
}
