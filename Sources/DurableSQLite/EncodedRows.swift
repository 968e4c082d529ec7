import DurableModel
import DurableServer
import GRDB

/// A mutation's operation, event and timer rows, encoded ahead of the write so the transaction
/// itself only binds and steps statements.
struct EncodedRows: Sendable {
    private var operations: [SQLiteArguments] = []
    private var events: [SQLiteArguments] = []
    private var timers: [SQLiteArguments] = []

    /// Encodes the rows of one execution's changes.
    init(operations: [StoredOperation], events: [HistoryEvent], armTimers: [DurableTimer], executionArn arn: String) throws {
        self.operations = try operations.map { try OperationRow.arguments($0, executionArn: arn) }
        self.events = try events.map { try EventRow.arguments($0, executionArn: arn) }
        self.timers = armTimers.map(TimerRow.arguments)
    }

    /// Inserts or replaces the rows.
    func write(_ db: Database) throws {
        if !operations.isEmpty {
            let upsert = try db.cachedStatement(sql: OperationRow.upsertSQL)
            for arguments in operations { try arguments.execute(upsert, in: db) }
        }
        if !events.isEmpty {
            let insert = try db.cachedStatement(sql: EventRow.insertSQL)
            for arguments in events { try arguments.execute(insert, in: db) }
        }
        if !timers.isEmpty {
            let arm = try db.cachedStatement(sql: TimerRow.upsertSQL)
            for arguments in timers { try arguments.execute(arm, in: db) }
        }
    }
}
