import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends one JSON line per side effect to `$DURABLE_SIDE_EFFECTS`, so tests can count what ran where.
///
/// Several `durable serve` processes may share the file: each line is one `write` on an `O_APPEND`
/// descriptor, which the kernel appends whole.
enum SideEffectLog {
    static let path = ProcessInfo.processInfo.environment["DURABLE_SIDE_EFFECTS"]

    /// Records `effect` of `execution`; `run` tells runs of one step apart.
    static func record(execution: String, effect: String, run: String, callbackId: String? = nil) {
        guard let path else { return }
        var line: [String: String] = ["pid": String(getpid()), "execution": execution, "effect": effect, "run": run]
        if let callbackId { line["callbackId"] = callbackId }
        guard var data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) else { return }
        data.append(0x0A)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
