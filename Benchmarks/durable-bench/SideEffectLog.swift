import Foundation

/// An append-only file of step side effects: one `key<TAB>step` line per executed step body.
///
/// Each line is one `write(2)` on an `O_APPEND` descriptor, so it reaches the kernel before the
/// step's result is checkpointed and survives a `kill -9` of this process.
final class SideEffectLog: Sendable {
    private let descriptor: Int32

    /// Opens (creating) the file at `path` for appending.
    init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw BenchError("cannot open side-effect log \(path): errno \(errno)") }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends one side effect.
    func record(key: String, step: String) {
        var line = "\(key)\t\(step)\n"
        line.withUTF8 { buffer in _ = write(descriptor, buffer.baseAddress, buffer.count) }
    }
}
