import Crypto

/// The JS SDK's deterministic id scheme (protocol §1.3).
///
/// Logical ids are `"{n}"` at the root and `"{parentLogical}-{n}"` inside a child; the wire id is the
/// first 16 lowercase hex characters of MD5 of the logical id, so replays recompute the same ids.
enum OperationID {
    /// The wire id of a logical id.
    static func wireId(_ logicalId: String) -> String {
        let digest = Insecure.MD5.hash(data: Array(logicalId.utf8))
        var hex = ""
        hex.reserveCapacity(32)
        for byte in digest {
            let text = String(byte, radix: 16)
            if text.count == 1 { hex += "0" }
            hex += text
        }
        return String(hex.prefix(16))
    }

    /// The logical id of the `position`-th operation (1-based) under `parent`.
    static func logicalId(parent: String?, position: Int) -> String {
        if let parent { "\(parent)-\(position)" } else { "\(position)" }
    }
}
