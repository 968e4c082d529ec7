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
