import DurableModel
import DurableServer
import GRDB

/// Maps an `ExecutionRecord` to its `executions` row and back.
enum ExecutionRow {
    static let insertSQL = """
        INSERT INTO executions (arn, function_name, qualifier, execution_name, status, invocation_phase,
                                start_ms, started_at, ended_at, purge_after, version, record)
        VALUES (:arn, :function_name, :qualifier, :execution_name, :status, :invocation_phase,
                :start_ms, :started_at, :ended_at, :purge_after, :version, :record)
        """

    // An UPDATE, never INSERT OR REPLACE: REPLACE deletes the old row, which would cascade to the
    // execution's operations and events.
    static let updateSQL = """
        UPDATE executions SET function_name = :function_name, qualifier = :qualifier,
            execution_name = :execution_name, status = :status, invocation_phase = :invocation_phase,
            start_ms = :start_ms, started_at = :started_at, ended_at = :ended_at, purge_after = :purge_after,
            version = :version, record = :record
        WHERE arn = :arn
        """

    static let selectByArnSQL = "SELECT record FROM executions WHERE arn = ?"
    static let selectByNameSQL = "SELECT record FROM executions WHERE function_name = ? AND execution_name = ?"
    static let selectVersionSQL = "SELECT version FROM executions WHERE arn = ?"
    // The predicate matches the partial index `executions_awaiting` word for word, so SQLite can use it.
    static let selectAwaitingInvocationSQL = """
        SELECT record FROM executions WHERE status = 'RUNNING' AND invocation_phase <> 'idle' ORDER BY started_at, arn
        """
    static let selectPurgeableSQL = """
        SELECT arn FROM executions WHERE purge_after IS NOT NULL AND purge_after <= ? AND status <> 'RUNNING'
        """
    static let deleteSQL = "DELETE FROM executions WHERE arn = ?"

    /// The named arguments of `insertSQL` and `updateSQL`.
    static func arguments(_ record: ExecutionRecord) throws -> StatementArguments {
        [
            "arn": record.arn,
            "function_name": record.functionName,
            "qualifier": record.qualifier,
            "execution_name": record.executionName,
            "status": record.status.rawValue,
            "invocation_phase": record.invocationPhase.rawValue,
            "start_ms": record.startTimestamp.epochMillis,
            "started_at": record.startTimestamp.columnSeconds,
            "ended_at": record.endTimestamp?.columnSeconds,
            "purge_after": record.purgeAfter?.columnSeconds,
            "version": record.version,
            "record": try StoreJSON.encode(record),
        ]
    }

    /// Decodes the `record` column.
    static func record(_ json: String) throws -> ExecutionRecord {
        try StoreJSON.decode(ExecutionRecord.self, from: json)
    }

    /// Fetches and decodes the records a `SELECT record …` statement yields.
    static func fetchAll(_ statement: Statement, arguments: StatementArguments = []) throws -> [ExecutionRecord] {
        try String.fetchAll(statement, arguments: arguments).map(record)
    }

    /// Fetches and decodes the first record a `SELECT record …` statement yields.
    static func fetchOne(_ statement: Statement, arguments: StatementArguments = []) throws -> ExecutionRecord? {
        try String.fetchOne(statement, arguments: arguments).map(record)
    }
}
