import DurableModel
import DurableServer
import GRDB

/// Maps a `StoredOperation` to its `operations` row and back.
enum OperationRow {
    static let upsertSQL = """
        INSERT INTO operations (execution_arn, id, position, sequence, operation, meta)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (execution_arn, id) DO UPDATE SET
            position = excluded.position, sequence = excluded.sequence,
            operation = excluded.operation, meta = excluded.meta
        """

    // Ties on position are broken by id only so the order is deterministic; the engine never
    // hands out a position twice.
    static let selectChangedAfterSQL = """
        SELECT position, sequence, operation, meta FROM operations
        WHERE execution_arn = ? AND sequence > ?
        ORDER BY position, id
        """

    static let selectAllSQL = """
        SELECT position, sequence, operation, meta FROM operations
        WHERE execution_arn = ?
        ORDER BY position, id
        """

    /// The arguments of `upsertSQL`.
    static func arguments(_ op: StoredOperation, executionArn: String) throws -> StatementArguments {
        [executionArn, op.id, op.position, op.sequence, try StoreJSON.encode(op.operation), try StoreJSON.encode(op.meta)]
    }

    /// Decodes a row of the select statements.
    static func operation(_ row: Row) throws -> StoredOperation {
        StoredOperation(
            operation: try StoreJSON.decode(DurableModel.Operation.self, from: row["operation"]),
            position: row["position"],
            sequence: row["sequence"],
            meta: try StoreJSON.decode(OperationMeta.self, from: row["meta"])
        )
    }
}
