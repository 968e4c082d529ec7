import Foundation

/// Appends compact JSON to a byte buffer, for `DirectJSONCodable` types.
///
/// Values follow `JSONEncoder`'s defaults, so Foundation reads them back as it wrote them: a `Date`
/// is its `timeIntervalSinceReferenceDate` as the shortest double that round-trips, non-finite
/// numbers are refused, strings are escaped only where JSON requires it (`"`, `\` and control
/// characters; `/` and non-ASCII stay as they are, which every JSON reader accepts).
public struct DirectJSONWriter {
    private var bytes: [UInt8] = []
    // Whether a value was just completed at the current level, so the next member or element needs a comma.
    private var needsComma = false

    /// Creates an empty writer.
    public init() {
        bytes.reserveCapacity(256)
    }

    /// The document written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Structure

    /// Opens an object (`{`).
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object (`}`).
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array (`]`).
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a member name; the next call writes its value. `name` must need no escaping.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a member name given at run time followed by `suffix` (which must need no escaping).
    public mutating func key(_ name: String, suffix: StaticString = "") {
        appendString(name, suffix: suffix)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: Values

    /// Writes a string value.
    public mutating func string(_ value: String) {
        appendString(value)
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int) {
        separate()
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        // Digits of the magnitude, least significant first, then reversed into place.
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude != 0
        bytes[start...].reverse()
        needsComma = true
    }

    /// Writes a Boolean value.
    public mutating func bool(_ value: Bool) {
        separate()
        appendASCII(value ? "true" : "false")
        needsComma = true
    }

    /// Writes a finite double as the shortest text that reads back to the same value.
    public mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw DirectJSONError(.invalidValue, offset: 0, "\(value) is not a valid JSON number")
        }
        separate()
        var text = value.description
        // JSONEncoder writes integral doubles without the ".0" that `description` adds.
        if text.hasSuffix(".0") { text.removeLast(2) }
        appendASCII(text)
        needsComma = true
    }

    /// Writes a date as `JSONEncoder`'s default strategy does: seconds since 2001-01-01Z.
    public mutating func date(_ value: Date) throws {
        try double(value.timeIntervalSinceReferenceDate)
    }

    /// Writes a nested value.
    public mutating func value(_ value: some DirectJSONCodable) throws {
        try value.write(to: &self)
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: Optional members (absent when nil, as synthesized `Codable` writes them)

    /// Writes `name: value` unless `value` is nil.
    public mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `name: value` unless `value` is nil.
    public mutating func member(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// Writes `name: value` unless `value` is nil.
    public mutating func member(_ name: StaticString, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    /// Writes `name: value` unless `value` is nil.
    public mutating func member(_ name: StaticString, _ value: Date?) throws {
        guard let value else { return }
        key(name)
        try date(value)
    }

    /// Writes `name: value` unless `value` is nil.
    public mutating func member(_ name: StaticString, _ value: [String]?) {
        guard let value else { return }
        key(name)
        strings(value)
    }

    /// Writes `name: value` unless `value` is nil.
    public mutating func member(_ name: StaticString, _ value: (some DirectJSONCodable)?) throws {
        guard let value else { return }
        key(name)
        try value.write(to: &self)
    }

    // MARK: Bytes

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private mutating func appendString(_ value: String, suffix: StaticString = "") {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Copy runs that need no escaping in one go; only `"`, `\` and C0 controls are escaped.
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscape(byte)
                runStart = index + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        suffix.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            // Lowercase hex, as JSONEncoder writes it: \u001f.
            func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(hex(byte >> 4))
            bytes.append(hex(byte & 0xF))
        }
    }
}
