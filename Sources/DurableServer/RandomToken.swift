import Foundation

/// Unguessable tokens in the standard base64 alphabet (checkpoint tokens, callback ids).
enum RandomToken {
    /// Base64 of `byteCount` random bytes from the system generator.
    static func make(byteCount: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        // Eight bytes per draw from the system generator: a draw per byte costs a system call each.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount + 7)
        while bytes.count < byteCount {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes.prefix(byteCount)).base64EncodedString()
    }
}
