#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Unguessable tokens in the standard base64 alphabet (checkpoint tokens, callback ids).
///
/// Every checkpoint mints one, so this is on the hot path. The bytes are the kernel's CSPRNG output,
/// fetched 256 at a time (`getentropy`, one system call for about ten tokens, where drawing eight
/// bytes per call from `SystemRandomNumberGenerator` took three per token) and each handed out once;
/// the base64 is written straight into the string rather than through `Data`.
enum RandomToken {
    private struct Pool {
        var bytes = [UInt8](repeating: 0, count: 256)
        var used = 256
    }

    private static let pool = Mutex(Pool())

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Base64 (with `=` padding) of `byteCount` random bytes.
    static func make(byteCount: Int = 24) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(byteCount, 1)) { buffer in
            var filled = 0
            pool.withLock { pool in
                while filled < byteCount {
                    if pool.used == pool.bytes.count { refill(&pool) }
                    let take = min(byteCount - filled, pool.bytes.count - pool.used)
                    for offset in 0..<take {
                        buffer[filled + offset] = pool.bytes[pool.used + offset]
                        // Handed out once: not left behind for a later token or a memory dump.
                        pool.bytes[pool.used + offset] = 0
                    }
                    pool.used += take
                    filled += take
                }
            }
            return base64(UnsafeBufferPointer(rebasing: buffer[..<byteCount]))
        }
    }

    /// Refills the pool from the kernel; should that fail, from Swift's system generator (the same source).
    private static func refill(_ pool: inout Pool) {
        let fetched = pool.bytes.withUnsafeMutableBytes { getentropy($0.baseAddress!, $0.count) == 0 }
        if !fetched {
            var generator = SystemRandomNumberGenerator()
            for index in pool.bytes.indices { pool.bytes[index] = generator.next() }
        }
        pool.used = 0
    }

    /// Standard base64 with padding.
    static func base64(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let length = (bytes.count + 2) / 3 * 4
        return String(unsafeUninitializedCapacity: length) { out in
            alphabet.withUnsafeBufferPointer { table in
                var o = 0
                var i = 0
                while i + 3 <= bytes.count {
                    let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
                    out[o] = table[Int(v >> 18 & 63)]
                    out[o + 1] = table[Int(v >> 12 & 63)]
                    out[o + 2] = table[Int(v >> 6 & 63)]
                    out[o + 3] = table[Int(v & 63)]
                    i += 3
                    o += 4
                }
                let rest = bytes.count - i
                if rest > 0 {
                    let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
                    out[o] = table[Int(v >> 18 & 63)]
                    out[o + 1] = table[Int(v >> 12 & 63)]
                    out[o + 2] = rest == 2 ? table[Int(v >> 6 & 63)] : UInt8(ascii: "=")
                    out[o + 3] = UInt8(ascii: "=")
                    o += 4
                }
                return o
            }
        }
    }
}
