import ArgumentParser
import Foundation
import GRDB

/// `durable-bench floor`: what the disk allows, measured beside the workloads: small writes each
/// followed by `fdatasync`, SQLite single-row commits (WAL, synchronous=FULL) and 100 rows per commit.
struct FloorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "floor", abstract: "Measure the durable-commit floor.")

    @Option(help: "Seconds per measurement.")
    var seconds = 1.0

    @Option(help: "Directory for the scratch files (the same disk as the workloads).")
    var directory = NSTemporaryDirectory()

    func run() async throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("durable-bench-floor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let fd = open(folder.appendingPathComponent("fsync.dat").path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw BenchError("cannot open the scratch file") }
        let record = [UInt8](repeating: 0x61, count: 128)
        var writes = 0
        let started = ContinuousClock.now
        while Statistics.seconds(since: started) < seconds {
            _ = record.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            fdatasync(fd)
            writes += 1
        }
        close(fd)
        BenchResult(workload: "floor", peer: "disk", metric: "128 B write+fdatasync/s", value: Double(writes) / Statistics.seconds(since: started),
                    unit: "ops/s").emit()

        let pool = try DatabasePool(path: folder.appendingPathComponent("floor.sqlite").path)
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
        }
        for rowsPerCommit in [1, 100] {
            var rows = 0
            let begin = ContinuousClock.now
            while Statistics.seconds(since: begin) < seconds {
                try await pool.write { db in
                    let insert = try db.cachedStatement(sql: "INSERT INTO t (v) VALUES (?)")
                    for _ in 0..<rowsPerCommit { try insert.execute(arguments: [String(repeating: "x", count: 200)]) }
                }
                rows += rowsPerCommit
            }
            BenchResult(workload: "floor", peer: "disk", metric: "SQLite rows/s, \(rowsPerCommit) per commit",
                        value: Double(rows) / Statistics.seconds(since: begin), unit: "rows/s").emit()
        }
        try pool.close()
    }
}
