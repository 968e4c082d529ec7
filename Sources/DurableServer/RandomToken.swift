import Foundation

/// Unguessable tokens in the standard base64 alphabet (checkpoint tokens, callback ids).
enum RandomToken {
    /// Base64 of `byteCount` random bytes from the system generator.
    static func make(byteCount: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
    }
}
