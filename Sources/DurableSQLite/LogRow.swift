import DurableModel
import Foundation
import GRDB

/// Maps an `ExecutionLogRecord` to its `logs` row and back.
enum LogRow {
    static let lastSequenceSQL = "SELECT MAX(sequence) FROM logs WHERE execution_arn = ?"
    static let insertSQL = """
        INSERT INTO logs (execution_arn, sequence, timestamp, request_id, level, message, operation_id, attempt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let selectSQL = """
        SELECT timestamp, request_id, level, message, operation_id, attempt FROM logs
        WHERE execution_arn = ? AND sequence > ? ORDER BY sequence LIMIT ?
        """
    static let deleteForExecutionSQL = "DELETE FROM logs WHERE execution_arn = ?"

    /// The arguments of `insertSQL`.
    static func arguments(_ record: ExecutionLogRecord, sequence: Int) -> StatementArguments {
        [record.executionArn, sequence, record.timestamp.columnSeconds, record.requestId, record.level, record.message,
         record.operationId, record.attempt]
    }

    /// Decodes a row of `selectSQL`.
    static func record(_ row: Row, executionArn: String) -> ExecutionLogRecord {
        ExecutionLogRecord(timestamp: Date(columnSeconds: row["timestamp"]), executionArn: executionArn,
                           requestId: row["request_id"], level: row["level"], message: row["message"],
                           operationId: row["operation_id"], attempt: row["attempt"])
    }
}
