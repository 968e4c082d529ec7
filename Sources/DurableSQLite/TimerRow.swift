import DurableServer
import Foundation
import GRDB

/// Maps a `DurableTimer` to its `timers` row and back.
enum TimerRow {
    static let upsertSQL = """
        INSERT INTO timers (execution_arn, kind, operation_id, due_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (execution_arn, kind, operation_id) DO UPDATE SET due_at = excluded.due_at
        """
    static let deleteSQL = "DELETE FROM timers WHERE execution_arn = ? AND kind = ? AND operation_id = ?"
    static let selectDueSQL = """
        SELECT execution_arn, kind, operation_id, due_at FROM timers WHERE due_at <= ?
        ORDER BY due_at, execution_arn, kind, operation_id LIMIT ?
        """
    // The primary key's (execution_arn, …) prefix finds the rows; a handful per execution to sort.
    static let selectForExecutionSQL = """
        SELECT execution_arn, kind, operation_id, due_at FROM timers WHERE execution_arn = ?
        ORDER BY due_at, kind, operation_id
        """
    static let selectNextDueSQL = "SELECT MIN(due_at) FROM timers"
    static let deleteForExecutionSQL = "DELETE FROM timers WHERE execution_arn = ?"

    /// The key columns: the primary key cannot hold NULL, so an execution-level timer's operation is ''.
    static func keyArguments(_ key: TimerKey) -> SQLiteArguments {
        SQLiteArguments([.text(key.executionArn), .text(key.kind.rawValue), .text(key.operationId ?? "")])
    }

    /// The arguments of `upsertSQL`.
    static func arguments(_ timer: DurableTimer) -> SQLiteArguments {
        keyArguments(timer.key) + SQLiteArguments([.real(timer.dueAt.columnSeconds)])
    }

    /// Decodes a row of `selectDueSQL`.
    static func timer(_ row: Row) throws -> DurableTimer {
        let kindName: String = row["kind"]
        guard let kind = TimerKind(rawValue: kindName) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "Unknown timer kind '\(kindName)'")
        }
        let operationId: String = row["operation_id"]
        return DurableTimer(
            executionArn: row["execution_arn"], kind: kind, operationId: operationId.isEmpty ? nil : operationId,
            dueAt: Date(columnSeconds: row["due_at"])
        )
    }
}
