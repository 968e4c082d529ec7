/// FNV-1a hashes for ids that must be the same on every run (chained child execution names).
enum StableHash {
    static func fnv1a64(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// 32 lowercase hex characters derived from `text`.
    static func hex32(_ text: String) -> String {
        hex(fnv1a64(text)) + hex(fnv1a64(text, seed: 0x84222325cbf29ce4))
    }

    /// A UUID-shaped id derived from `text` (8-4-4-4-12 lowercase hex).
    static func uuid(_ text: String) -> String {
        let h = Array(hex32(text))
        return [h[0..<8], h[8..<12], h[12..<16], h[16..<20], h[20..<32]].map { String($0) }.joined(separator: "-")
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
