import Foundation

/// Reads JSON values in place from a document's UTF-8 bytes, for `DirectJSONCodable` types.
///
/// It accepts any valid JSON (whitespace, members in any order, every escape, exponents), so it reads
/// what `JSONEncoder` wrote as well as what `DirectJSONWriter` writes; unknown members are skipped,
/// as `JSONDecoder` does. A reader exists only inside `parse`, over bytes that outlive it.
public struct DirectJSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` on a reader at the start of `text`, then checks only whitespace follows what it read.
    public static func parse<T>(_ text: String, _ body: (inout DirectJSONReader) throws -> T) throws -> T {
        var text = text
        return try text.withUTF8 { utf8 in
            var reader = DirectJSONReader(utf8)
            reader.skipWhitespace()
            let value = try body(&reader)
            reader.skipWhitespace()
            guard reader.index == utf8.count else {
                throw DirectJSONError(.trailingData, offset: reader.index, "data after the document")
            }
            return value
        }
    }

    // MARK: Structure

    /// Reads an object, calling `member` with each member's name; `member` must read or skip its value.
    public mutating func readObject(_ member: (inout DirectJSONReader, DirectJSONKey) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            let key = try readKey()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            try member(&self, key)
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw unexpected(at: index - 1, "expected , or } in an object")
            }
        }
    }

    /// Reads an array, calling `element` once per element; `element` must read or skip it.
    public mutating func readArray(_ element: (inout DirectJSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return
            default: throw unexpected(at: index - 1, "expected , or ] in an array")
            }
        }
    }

    /// Consumes a `null` if one is next, returning whether it did (an optional member's absent value).
    public mutating func readNull() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Skips one value of any type.
    public mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try readObject { reader, _ in try reader.skipValue() }
        case UInt8(ascii: "["): try readArray { reader in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        default: _ = try numberText()
        }
    }

    // MARK: Values

    /// Reads a string.
    public mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        // Fast path: no escapes, so the text between the quotes is the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw unexpected(at: index, "unescaped control character in a string") }
            index += 1
        }
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        try readEscapedRest(into: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Reads an integer; a number with a fraction or exponent is accepted when it is exactly an `Int`.
    public mutating func readInt() throws -> Int {
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var magnitude: UInt64 = 0
        var digits = 0
        var overflow = false
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(bytes[index] &- UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = sum
            digits += 1
            index += 1
        }
        let simple = digits > 0 && !overflow && !(digits > 1 && bytes[start + (negative ? 1 : 0)] == UInt8(ascii: "0"))
        if simple, index == bytes.count || !Self.continuesNumber(bytes[index]) {
            if negative, magnitude <= UInt64(Int.max) + 1 { return Int(truncatingIfNeeded: 0 &- magnitude) }
            if !negative, magnitude <= UInt64(Int.max) { return Int(magnitude) }
        }
        // Rare: an exponent, a fraction or an out-of-range value; go through the full grammar.
        index = start
        let text = try numberText()
        if let exact = Int(text) { return exact }
        guard let double = Double(text), let exact = Int(exactly: double) else {
            throw DirectJSONError(.invalidNumber, offset: start, "\(text) is not an Int")
        }
        return exact
    }

    /// Reads a number as a double.
    public mutating func readDouble() throws -> Double {
        let start = index
        let text = try numberText()
        guard let value = Double(text), value.isFinite else {
            throw DirectJSONError(.invalidNumber, offset: start, "\(text) is not a finite Double")
        }
        return value
    }

    /// Reads a date as `JSONDecoder`'s default strategy does: seconds since 2001-01-01Z.
    public mutating func readDate() throws -> Date {
        Date(timeIntervalSinceReferenceDate: try readDouble())
    }

    /// Reads a Boolean.
    public mutating func readBool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return false
        default:
            throw unexpected(at: index, "expected a Boolean")
        }
    }

    /// Reads an array of strings.
    public mutating func readStrings() throws -> [String] {
        var values: [String] = []
        try readArray { reader in values.append(try reader.readString()) }
        return values
    }

    /// Reads a nested value.
    public mutating func read<T: DirectJSONCodable>(_ type: T.Type) throws -> T {
        try T(directJSON: &self)
    }

    /// Reads a value with `body`, or nil for `null`.
    public mutating func readOptional<T>(_ body: (inout DirectJSONReader) throws -> T) throws -> T? {
        if try readNull() { return nil }
        return try body(&self)
    }

    /// Reads an enum from its raw string value.
    public mutating func readRawValue<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let start = index
        let raw = try readString()
        guard let value = T(rawValue: raw) else {
            throw DirectJSONError(.invalidValue, offset: start, "\"\(raw)\" is not a \(T.self)")
        }
        return value
    }

    /// Where the reader stands, to come back to a value later with `reading(at:_:)`.
    public var offset: Int { index }

    /// Runs `body` on a second reader standing at `offset` (from `offset` of this document); this one does not move.
    public func reading<T>(at offset: Int, _ body: (inout DirectJSONReader) throws -> T) throws -> T {
        var other = DirectJSONReader(bytes)
        other.index = offset
        return try body(&other)
    }

    /// The error for a required member that was not in the object.
    public func missing(_ name: StaticString, in type: Any.Type) -> DirectJSONError {
        DirectJSONError(.missingKey, offset: index, "\(type) has no \(name)")
    }

    // MARK: Bytes

    private mutating func readKey() throws -> DirectJSONKey {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return DirectJSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), decoded: nil)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw unexpected(at: index, "unescaped control character in a member name") }
            index += 1
        }
        // A name with escapes (JSONEncoder never writes one, but it is valid JSON).
        index = start - 1
        let name = try readString()
        return DirectJSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<start]), decoded: name)
    }

    // Continues a string after its first backslash, up to and including the closing quote.
    private mutating func readEscapedRest(into decoded: inout [UInt8]) throws {
        while true {
            let byte = try next()
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                let escape = try next()
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): try appendUTF8(of: readUnicodeEscape(), to: &decoded)
                default: throw DirectJSONError(.invalidEscape, offset: index - 1, "unknown escape \\\(Unicode.Scalar(escape))")
                }
            default:
                if byte < 0x20 { throw unexpected(at: index - 1, "unescaped control character in a string") }
                decoded.append(byte)
            }
        }
    }

    // After `\u`: four hex digits, and for a high surrogate the `\uDC00`… that must follow it.
    private mutating func readUnicodeEscape() throws -> Unicode.Scalar {
        let start = index - 2
        let first = try readHex4()
        if (0xD800..<0xDC00).contains(first) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw DirectJSONError(.invalidEscape, offset: start, "high surrogate without a low surrogate")
            }
            index += 2
            let second = try readHex4()
            guard (0xDC00..<0xE000).contains(second) else {
                throw DirectJSONError(.invalidEscape, offset: start, "high surrogate without a low surrogate")
            }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return Unicode.Scalar(value)!
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw DirectJSONError(.invalidEscape, offset: start, "low surrogate without a high surrogate")
        }
        return scalar
    }

    private mutating func readHex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try next()
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw DirectJSONError(.invalidEscape, offset: index - 1, "expected a hex digit in \\u")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func appendUTF8(of scalar: Unicode.Scalar, to decoded: inout [UInt8]) {
        UTF8.encode(scalar) { decoded.append($0) }
    }

    // The text of one number, checked against JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func numberText() throws -> String {
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = skipDigits()
        guard integerDigits > 0 else { throw unexpected(at: start, "expected a value") }
        guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw DirectJSONError(.invalidNumber, offset: start, "a number cannot start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { throw DirectJSONError(.invalidNumber, offset: start, "no digits after the point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw DirectJSONError(.invalidNumber, offset: start, "no digits in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index - start
    }

    private static func continuesNumber(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte &- UInt8(ascii: "0") < 10
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    private func peek() throws -> UInt8 {
        guard index < bytes.count else { throw DirectJSONError(.unexpectedEnd, offset: index, "the document ended early") }
        return bytes[index]
    }

    private mutating func next() throws -> UInt8 {
        let byte = try peek()
        index += 1
        return byte
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try next() == byte else { throw unexpected(at: index - 1, "expected \(Unicode.Scalar(byte))") }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws {
        let start = index
        let matches = literal.withUTF8Buffer { expected in
            start + expected.count <= bytes.count && expected.indices.allSatisfy { bytes[start + $0] == expected[$0] }
        }
        guard matches else { throw unexpected(at: start, "expected \(literal)") }
        index += literal.utf8CodeUnitCount
    }

    private func unexpected(at offset: Int, _ detail: String) -> DirectJSONError {
        let found = offset < bytes.count ? "'\(Unicode.Scalar(bytes[offset]))'" : "the end"
        return DirectJSONError(.unexpectedCharacter, offset: offset, "\(detail), found \(found)")
    }
}
