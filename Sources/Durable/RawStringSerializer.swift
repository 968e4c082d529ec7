/// A pass-through serializer for `String` payloads (the JS and Python callback default).
public struct RawStringSerializer: PayloadSerializer {
    /// Creates the serializer.
    public init() {}

    /// The string itself.
    public func serialize(_ value: String, context: SerializationContext) throws -> String? { value }

    /// The payload itself; absent → "".
    public func deserialize(_ text: String?, context: SerializationContext) throws -> String { text ?? "" }
}
