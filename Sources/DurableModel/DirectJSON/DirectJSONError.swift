/// Why a direct JSON read or write failed.
public struct DirectJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The text ended inside a value.
        case unexpectedEnd
        /// A byte that cannot start or continue the expected JSON token.
        case unexpectedCharacter
        /// A malformed `\` escape or `\u` sequence in a string.
        case invalidEscape
        /// A number outside JSON's grammar or the target type's range.
        case invalidNumber
        /// A required member is absent.
        case missingKey
        /// A well-formed value the type does not accept (an unknown enum raw value, a non-finite date).
        case invalidValue
        /// Something other than whitespace follows the document.
        case trailingData
    }

    /// The kind of failure.
    public var code: Code
    /// The byte offset in the document where it was noticed (0 when writing).
    public var offset: Int
    /// A short explanation naming the member or the byte.
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, offset: Int, _ detail: String) {
        self.code = code
        self.offset = offset
        self.detail = detail
    }

    /// The code, offset and detail in one line.
    public var description: String { "\(code.rawValue) at byte \(offset): \(detail)" }
}
