import DurableModel

/// Reads and writes JSON texts of the commonest result types (`Int`, `String`, `Bool`) without a
/// `JSONDecoder` or `JSONEncoder`.
///
/// A replay decodes every stored step result again, and every step encodes its result once; a coder's
/// fixed cost per call is most of that work for a small value. Texts these readers do not accept
/// exactly as JSON (leading zeros, a plus sign, an exponent, trailing data) answer nil, and the
/// caller's `JSONDecoder` decides, so the values and the errors are the decoder's in every case. The
/// writer answers only where its text is byte for byte what the SDK's `JSONEncoder` writes (strings
/// that need no escape), and nil otherwise.
enum ScalarJSON {
    /// `value` as the SDK's `JSONEncoder` writes it, when `Value` is a scalar this writer handles and
    /// `value` needs no escaping; nil means "ask the encoder".
    static func encode<Value>(_ value: Value) -> String? {
        switch value {
        case let integer as Int: return String(integer)
        case let flag as Bool: return flag ? "true" : "false"
        case let text as String:
            // Quotes, backslashes and control characters are escaped by the encoder; anything else,
            // non-ASCII included, it writes as is (slashes too: the encoder is set not to escape them).
            for byte in text.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return nil }
            return "\"" + text + "\""
        default: return nil
        }
    }

    /// `text` decoded as `Value` when `Value` is a scalar this reader handles and `text` is plain JSON for it.
    static func decode<Value>(_ text: String, as type: Value.Type) -> Value? {
        if type == Int.self { return integer(text) as? Value }
        if type == String.self { return string(text) as? Value }
        if type == Bool.self {
            switch text {
            case "true": return true as? Value
            case "false": return false as? Value
            default: return nil
            }
        }
        return nil
    }

    /// An integer written as JSON writes it: an optional minus, then digits without a leading zero.
    private static func integer(_ text: String) -> Int? {
        let utf8 = text.utf8
        let digits = utf8.first == UInt8(ascii: "-") ? utf8.dropFirst() : utf8[...]
        guard let first = digits.first, digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) else { return nil }
        if first == UInt8(ascii: "0"), digits.count > 1 { return nil }
        return Int(text)
    }

    /// A JSON string literal without escapes (those, lone surrogates among them, are left to the decoder).
    private static func string(_ text: String) -> String? {
        guard text.utf8.first == UInt8(ascii: "\""), !text.utf8.contains(UInt8(ascii: "\\")) else { return nil }
        return try? DirectJSONReader.parse(text) { try $0.readString() }
    }
}
