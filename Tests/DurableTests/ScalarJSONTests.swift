@testable import Durable
import Foundation
import Testing

@Suite("Scalar JSON fast path")
struct ScalarJSONTests {
    /// What `JSONDecoder` makes of `text` as `T`, or nil when it throws.
    static func decoded<T: Decodable>(_ text: String, as type: T.Type) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    @Test(arguments: ["0", "-0", "7", "-12", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                      "007", "+5", "1.0", "1e3", " 5", "5 ", "", "-", "\"5\"", "true", "null"])
    func integersAreReadAsTheDecoderReadsThemOrLeftToIt(text: String) {
        let fast = ScalarJSON.decode(text, as: Int.self)
        if let fast { #expect(fast == Self.decoded(text, as: Int.self)) }
        // Everything the decoder would reject is left to it, so its error is what the caller sees.
        if Self.decoded(text, as: Int.self) == nil { #expect(fast == nil) }
    }

    @Test(arguments: ["\"\"", "\"plain\"", "\"ünïcödé 🎉\"", "\"a\\\"b\"", "\"\\u00e9\"", "\"\\ud800\"", "\"tab\there\"",
                      "\"unterminated", "\"a\" \"b\"", "\"a\"x", "5", "null"])
    func stringsAreReadAsTheDecoderReadsThemOrLeftToIt(text: String) {
        let fast = ScalarJSON.decode(text, as: String.self)
        if let fast { #expect(fast == Self.decoded(text, as: String.self)) }
        if Self.decoded(text, as: String.self) == nil { #expect(fast == nil) }
        // Escapes always go to the decoder.
        if text.contains("\\") { #expect(fast == nil) }
    }

    @Test func booleansAndOtherTypes() {
        #expect(ScalarJSON.decode("true", as: Bool.self) == true)
        #expect(ScalarJSON.decode("false", as: Bool.self) == false)
        #expect(ScalarJSON.decode("True", as: Bool.self) == nil)
        #expect(ScalarJSON.decode("1", as: Double.self) == nil)
        #expect(ScalarJSON.decode("\"x\"", as: [String].self) == nil)
        #expect(ScalarJSON.decode("1", as: Int?.self) == nil)
    }

    /// The fast writer's text must be the SDK encoder's, byte for byte, whenever it answers.
    static func expectEncodesAsTheEncoder<T: Encodable>(_ value: T) throws {
        let encoded = String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
        if let fast = ScalarJSON.encode(value) { #expect(fast == encoded, "\(value)") }
    }

    @Test func integersBooleansAndStringsAreWrittenAsTheEncoderWritesThem() throws {
        for integer in [0, 1, -1, 42, Int.max, Int.min] { try Self.expectEncodesAsTheEncoder(integer) }
        for flag in [true, false] { try Self.expectEncodesAsTheEncoder(flag) }
        let strings = ["", "plain", "a/b", "ünïcödé 🎉", "\u{7F}", "\u{2028}\u{2029}", "<script>", "'single'", "a\"b",
                       "back\\slash", "tab\there", "new\nline", "\u{0}", "\u{1F}", "e\u{301}"]
        for text in strings { try Self.expectEncodesAsTheEncoder(text) }
        // Random texts over a mix of plain, escaped and multi-byte characters.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab/ \"\\\n\u{1}\u{7F}é€😀\u{2028}<>&'")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            try Self.expectEncodesAsTheEncoder(text)
        }
        // Optionals and other types: a present scalar is written like the scalar, anything else is left to the encoder.
        try Self.expectEncodesAsTheEncoder(Int?.some(5))
        #expect(ScalarJSON.encode(Int?.none) == nil)
        #expect(ScalarJSON.encode(1.5) == nil)
        #expect(ScalarJSON.encode(1.0) == nil)
        #expect(ScalarJSON.encode(Int8(3)) == nil)
        #expect(ScalarJSON.encode(Substring("s")) == nil)
        #expect(ScalarJSON.encode([1, 2]) == nil)
        #expect(ScalarJSON.encode("needs \"escape\"") == nil)
        // The common cases do take the fast path.
        #expect(ScalarJSON.encode(7) == "7")
        #expect(ScalarJSON.encode("a/b é") == "\"a/b é\"")
    }

    @Test func theSerializerStillDecodesAndFailsAsBefore() throws {
        let ints = JSONPayloadSerializer<Int>()
        let context = SerializationContext(operationId: "op", executionArn: "arn")
        #expect(try ints.deserialize("42", context: context) == 42)
        #expect(try ints.deserialize("4.2e1", context: context) == 42)
        #expect(throws: (any Error).self) { try ints.deserialize("\"42\"", context: context) }
        let strings = JSONPayloadSerializer<String>()
        #expect(try strings.deserialize("\"a\\nb\"", context: context) == "a\nb")
        #expect(throws: (any Error).self) { try strings.deserialize("\"a\" junk", context: context) }
    }
}
