/// The AWS model's string patterns, checked without regular expressions.
public enum Validation {
    /// `[a-zA-Z0-9-_]+` of at most `maxLength` characters.
    public static func isIdentifier(_ s: String, maxLength: Int) -> Bool {
        !s.isEmpty && s.utf8.count <= maxLength && s.utf8.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// An operation id or parent id: 1...64 of `[a-zA-Z0-9-_]`.
    public static func isOperationId(_ s: String) -> Bool { isIdentifier(s, maxLength: 64) }

    /// An execution name: 1...64 of `[a-zA-Z0-9-_]`.
    public static func isExecutionName(_ s: String) -> Bool { isIdentifier(s, maxLength: 64) }

    /// A subtype: 1...32 of `[a-zA-Z0-9-_]`.
    public static func isSubType(_ s: String) -> Bool { isIdentifier(s, maxLength: 32) }

    /// An operation name: 1...256 printable ASCII characters.
    public static func isOperationName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 256 && s.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }

    /// A checkpoint token or callback id: the base64 alphabet `[A-Za-z0-9+/]+={0,2}`.
    public static func isBase64Token(_ s: String, maxLength: Int) -> Bool {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
        var end = bytes.count
        var padding = 0
        while end > 0, bytes[end - 1] == UInt8(ascii: "="), padding < 2 { end -= 1; padding += 1 }
        guard end > 0 else { return false }
        return bytes[..<end].allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") }
    }

    /// A ClientToken: 1...64 of `[\x21-\x7E]`.
    public static func isClientToken(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy { $0 >= 0x21 && $0 <= 0x7E }
    }

    /// A tenant id: 1...256 of `[a-zA-Z0-9._:/=+-@ ]`.
    public static func isTenantId(_ s: String) -> Bool {
        let extra = Set("._:/=+-@ ".utf8)
        return !s.isEmpty && s.utf8.count <= 256 && s.utf8.allSatisfy { isAlnum($0) || extra.contains($0) }
    }

    /// An execution qualifier: `$LATEST`, `$LATEST.PUBLISHED` or digits.
    public static func isExecutionQualifier(_ s: String) -> Bool {
        s == "$LATEST" || s == "$LATEST.PUBLISHED" || (!s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
    }

    static func isPartition(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    static func isRegionToken(_ s: String) -> Bool { isPartition(s) }

    /// An ASCII letter or digit.
    public static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
