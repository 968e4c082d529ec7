import Crypto
import Foundation

/// The JS SDK's deterministic id scheme (protocol §1.3).
///
/// Logical ids are `"{n}"` at the root and `"{parentLogical}-{n}"` inside a child; the wire id is the
/// first 16 lowercase hex characters of MD5 of the logical id, so replays recompute the same ids.
enum OperationID {
    /// The wire id of a logical id.
    static func wireId(_ logicalId: String) -> String {
        var logicalId = logicalId
        let digest = logicalId.withUTF8 { Insecure.MD5.hash(data: UnsafeRawBufferPointer($0)) }
        return digest.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 16) { text in
                for index in 0..<8 {
                    let byte = bytes[index]
                    text[2 * index] = hexDigits[Int(byte >> 4)]
                    text[2 * index + 1] = hexDigits[Int(byte & 0x0F)]
                }
                return 16
            }
        }
    }

    /// Lowercase hex digits as ASCII bytes.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The logical id of the `position`-th operation (1-based) under `parent`.
    static func logicalId(parent: String?, position: Int) -> String {
        if let parent { "\(parent)-\(position)" } else { "\(position)" }
    }
}
