import DurableModel
import DurableServer
import Foundation
import GRDB

/// A large mutation's rows, handed to SQLite's writer while the caller is still encoding them.
///
/// A map's checkpoint carries hundreds of operations and events, all of one execution, so nothing
/// else runs beside it: encoding every row first and only then inserting them leaves the writer idle
/// for the one and the caller idle for the other. Here the write is queued first; the writer inserts
/// operation rows as the caller appends them, and the event batch (encoded in a second task) and the
/// timers once `finish` delivers them. Everything appended is kept, so a group written again after a
/// rollback (see `GroupCommitWriter.writeGroup`) inserts the same rows again.
final class StreamedRows: @unchecked Sendable {
    // Every stored property below `condition` is read and written only while holding it.
    private let condition = NSCondition()
    private var operations: [SQLiteArguments] = []
    private var tail: Result<EncodedRows, any Error>?

    /// Makes the rows available to the writer.
    func append(_ rows: [SQLiteArguments]) {
        condition.lock()
        operations.append(contentsOf: rows)
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the stream with the rest of the rows (event batch, timers), or with the error that stopped
    /// the encoding, which the write then throws.
    func finish(_ rest: Result<EncodedRows, any Error>) {
        condition.lock()
        tail = rest
        condition.broadcast()
        condition.unlock()
    }

    /// On the writer: inserts the operation rows as they arrive, then the rest. Blocks the writer's
    /// thread until the caller finishes, which it does without waiting on the writer.
    func write(_ db: Database) throws {
        let upsert = try db.cachedStatement(sql: OperationRow.upsertSQL)
        var next = 0
        while true {
            condition.lock()
            while next == operations.count, tail == nil { condition.wait() }
            let batch = operations[next...]
            let rest = next + batch.count == operations.count ? tail : nil
            condition.unlock()
            for arguments in batch { try arguments.execute(upsert, in: db) }
            next += batch.count
            if let rest { return try rest.get().write(db) }
        }
    }

    /// Encodes `operations` into `rows` in chunks while the writer takes them, and the events in a
    /// second task; always finishes the stream.
    static func produce(_ rows: StreamedRows, operations: [StoredOperation], events: [HistoryEvent],
                        armTimers: [DurableTimer], executionArn arn: String) async {
        async let rest = EncodedRows(operations: [], events: events, armTimers: armTimers, executionArn: arn)
        do {
            var start = 0
            while start < operations.count {
                let end = min(start + chunkSize, operations.count)
                rows.append(try operations[start..<end].map { try OperationRow.arguments($0, executionArn: arn) })
                start = end
            }
        } catch {
            rows.finish(.failure(error))
            _ = try? await rest
            return
        }
        do {
            rows.finish(.success(try await rest))
        } catch {
            rows.finish(.failure(error))
        }
    }

    /// Operation rows per hand-over: enough that the writer seldom waits, few enough that it starts early.
    static let chunkSize = 16
}
