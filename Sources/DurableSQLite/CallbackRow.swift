import DurableServer
import GRDB

/// Maps a `CallbackIndexEntry` to its `callbacks` row and back.
enum CallbackRow {
    static let upsertSQL = """
        INSERT INTO callbacks (callback_id, execution_arn, operation_id) VALUES (?, ?, ?)
        ON CONFLICT (callback_id) DO UPDATE SET execution_arn = excluded.execution_arn, operation_id = excluded.operation_id
        """
    static let selectSQL = "SELECT callback_id, execution_arn, operation_id FROM callbacks WHERE callback_id = ?"
    static let deleteForExecutionSQL = "DELETE FROM callbacks WHERE execution_arn = ?"

    /// The arguments of `upsertSQL`.
    static func arguments(_ entry: CallbackIndexEntry) -> SQLiteArguments {
        SQLiteArguments([.text(entry.callbackId), .text(entry.executionArn), .text(entry.operationId)])
    }

    /// Decodes a row of `selectSQL`.
    static func entry(_ row: Row) -> CallbackIndexEntry {
        CallbackIndexEntry(callbackId: row["callback_id"], executionArn: row["execution_arn"], operationId: row["operation_id"])
    }
}
