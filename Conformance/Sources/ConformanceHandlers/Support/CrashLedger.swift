import Foundation
import Synchronization

/// Remembers which executions (keyed by their unique input) already crashed once.
///
/// In memory it serves one process; with a directory, every process given the same directory
/// shares it (a marker file per key, created exclusively), so a retry that lands on another worker
/// process still knows the first attempt crashed, as a marker file in a Lambda sandbox's `/tmp` would.
public final class CrashLedger: Sendable {
    private let keys = Mutex<Set<String>>([])
    private let directory: URL?

    /// Creates an empty in-memory ledger, or one kept in `directory` (created if missing).
    public init(directory: URL? = nil) {
        self.directory = directory
        if let directory { try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
    }

    /// True the first time `key` is seen, false afterwards.
    public func markFirst(_ key: String) -> Bool {
        guard let directory else { return keys.withLock { $0.insert(key).inserted } }
        // Hex keeps any input a valid file name; O_EXCL makes exactly one process the first.
        let name = key.utf8.map { String(format: "%02x", $0) }.joined().prefix(200)
        let path = directory.appendingPathComponent(String(name)).path
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }
}
