import DurableModel
import DurableServer
import GRDB

/// Maps a `StoredOperation` to its `operations` row and back.
enum OperationRow {
    /// `?1` is the execution's key (bound by the writer, see `EncodedRows`), the rest come from `arguments`.
    static let upsertSQL = """
        INSERT INTO operations (execution_key, id, position, sequence, operation, meta)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (execution_key, id) DO UPDATE SET
            position = excluded.position, sequence = excluded.sequence,
            operation = excluded.operation, meta = excluded.meta
        """

    /// The columns `operation(_:)` decodes, in its order.
    private static let selectColumns = "SELECT position, sequence, operation, meta FROM operations"

    // Ties on position are broken by id only so the order is deterministic; the engine never
    // hands out a position twice.
    static let selectChangedAfterSQL = """
        \(selectColumns) WHERE execution_key = \(ExecutionRow.keyOfArn) AND sequence > ?2 ORDER BY position, id
        """

    static let selectAllSQL = "\(selectAllUnorderedSQL) ORDER BY position, id"

    /// Every operation of an execution in index order, for building an `OperationIndex`, which puts
    /// them in start order itself: SQLite would otherwise sort the whole rows, documents and all.
    static let selectAllUnorderedSQL = "\(selectColumns) WHERE execution_key = \(ExecutionRow.keyOfArn)"

    /// An execution's operations, by its key (purge).
    static let deleteForExecutionSQL = "DELETE FROM operations WHERE execution_key = ?"

    /// The arguments of `upsertSQL` after the execution's key; the documents in the direct JSON coding
    /// (see `DirectJSONCodable`).
    static func arguments(_ op: StoredOperation) throws -> SQLiteArguments {
        SQLiteArguments([.text(op.id), .integer(op.position), .integer(op.sequence),
                         .text(try op.operation.directJSON()), .text(try op.meta.directJSON())])
    }

    /// Runs a select statement and decodes its rows as SQLite steps through them: a cursor's row is
    /// read in place, where `Row.fetchAll` would first copy every row (a resume reads the whole history).
    static func fetchAll(_ statement: Statement, arguments: StatementArguments) throws -> [StoredOperation] {
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var operations: [StoredOperation] = []
        while let row = try cursor.next() { operations.append(try operation(row)) }
        return operations
    }

    /// Decodes a row of the select statements, whichever coding wrote its documents.
    ///
    /// Columns are read by index (both selects list position, sequence, operation, meta): a resume
    /// reads every operation of the history, and a lookup by name costs more than the read.
    static func operation(_ row: Row) throws -> StoredOperation {
        StoredOperation(
            operation: try DurableModel.Operation(directJSON: row[2]),
            position: row[0],
            sequence: row[1],
            meta: try OperationMeta(directJSON: row[3])
        )
    }
}
