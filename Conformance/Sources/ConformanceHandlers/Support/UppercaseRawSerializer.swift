import Durable

/// A custom serdes that stores a string upper-cased and unquoted (3-14).
public struct UppercaseRawSerializer: PayloadSerializer {
    /// Creates the serializer.
    public init() {}

    /// `value` in upper case, as raw text.
    public func serialize(_ value: String, context: SerializationContext) throws -> String? {
        value.uppercased()
    }

    /// The stored text as is.
    public func deserialize(_ text: String?, context: SerializationContext) throws -> String {
        text ?? ""
    }
}
