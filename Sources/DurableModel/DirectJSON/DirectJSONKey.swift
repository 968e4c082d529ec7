/// The name of an object member while `DirectJSONReader.readObject` visits it.
///
/// It points into the document being read and is valid only inside the visiting closure. Match it
/// against literals with `switch key { case "Id": … }`.
public struct DirectJSONKey {
    // The member name's raw bytes between the quotes; `decoded` is set instead when the name had escapes.
    let bytes: UnsafeBufferPointer<UInt8>
    let decoded: String?

    /// Whether the member name equals `name` (an ASCII literal).
    public func equals(_ name: StaticString) -> Bool {
        if let decoded { return decoded == name.description }
        return name.withUTF8Buffer { literal in
            literal.count == bytes.count && memcmpEqual(literal, bytes)
        }
    }

    /// Whether the member name is `name` followed by `suffix` (an ASCII literal), without building the string.
    public func equals(_ name: String, suffix: StaticString) -> Bool {
        if let decoded { return decoded == name + suffix.description }
        var name = name
        return name.withUTF8 { prefix in
            suffix.withUTF8Buffer { literal in
                prefix.count + literal.count == bytes.count
                    && memcmpEqual(prefix, UnsafeBufferPointer(rebasing: bytes[..<prefix.count]))
                    && memcmpEqual(literal, UnsafeBufferPointer(rebasing: bytes[prefix.count...]))
            }
        }
    }

    /// Whether the member name ends with `suffix` (an ASCII literal).
    public func hasSuffix(_ suffix: StaticString) -> Bool {
        if let decoded { return decoded.hasSuffix(suffix.description) }
        return suffix.withUTF8Buffer { literal in
            literal.count <= bytes.count && memcmpEqual(literal, UnsafeBufferPointer(rebasing: bytes[(bytes.count - literal.count)...]))
        }
    }

    /// The member name as a string.
    public var name: String { decoded ?? String(decoding: bytes, as: UTF8.self) }

    /// Pattern matching of a literal against a key, for `switch`.
    public static func ~= (pattern: StaticString, key: DirectJSONKey) -> Bool {
        key.equals(pattern)
    }
}

private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < a.count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
