/// A type with a hand-written JSON coding that produces the same JSON document as its `Codable`
/// conformance (same members, same values; member order and whitespace aside), several times faster.
///
/// The store's hot rows (operations and history events) go through this on every commit and on every
/// uncached read; Foundation's generic `JSONEncoder`/`JSONDecoder` spend most of their time in the
/// `Encoder`/`Decoder` container machinery rather than in the JSON itself. Conforming types keep their
/// `Codable` conformance: each coding reads the other's output, which the tests check field by field.
public protocol DirectJSONCodable {
    /// Reads one value from `reader` and leaves the reader after it.
    init(directJSON reader: inout DirectJSONReader) throws

    /// Appends this value as one JSON value.
    func write(to writer: inout DirectJSONWriter) throws
}

extension DirectJSONCodable {
    /// Decodes a whole document; anything but whitespace after the value is an error.
    public init(directJSON text: String) throws {
        self = try DirectJSONReader.parse(text) { reader in try Self(directJSON: &reader) }
    }

    /// This value as a compact JSON document.
    public func directJSON() throws -> String {
        var writer = DirectJSONWriter()
        try write(to: &writer)
        return writer.text
    }
}
