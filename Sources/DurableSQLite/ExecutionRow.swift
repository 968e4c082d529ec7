import DurableModel
import DurableServer
import GRDB

/// Maps an `ExecutionRecord` to its `executions` row and back.
///
/// The fields a checkpoint changes (the version, the sequence counters, the token and the replay
/// receipt) have columns of their own, so a checkpoint rewrites a few integers and tokens instead of
/// encoding the whole record as JSON; `record` is rewritten only when anything else changes. A row
/// written before those columns existed has them NULL, and its `record` is complete.
enum ExecutionRow {
    /// What every read selects: the document, then the progress columns `record(_:)` overlays on it.
    static let selection = """
        record, version, last_sequence, last_position, last_event_id, observed_sequence, checkpoint_token,
        receipt_client_token, receipt_inbound_token, receipt_response_token, receipt_observed_before
        """

    /// The key of the execution whose ARN is `?1`, as a subquery: operations and event batches are
    /// filed under this small integer instead of the ARN (see the `v6` migration).
    static let keyOfArn = "(SELECT execution_key FROM executions WHERE arn = ?1)"

    /// Inserts a row under the next free key and returns that key.
    static let insertSQL = """
        INSERT INTO executions (arn, function_name, qualifier, execution_name, status, invocation_phase,
                                start_ms, started_at, ended_at, purge_after, record, \(progressColumns), execution_key)
        VALUES (:arn, :function_name, :qualifier, :execution_name, :status, :invocation_phase,
                :start_ms, :started_at, :ended_at, :purge_after, :record, \(progressValues),
                (SELECT COALESCE(MAX(execution_key), 0) + 1 FROM executions))
        RETURNING execution_key
        """

    // An UPDATE, never INSERT OR REPLACE: REPLACE deletes the old row and would give it a new key.
    static let updateSQL = """
        UPDATE executions SET function_name = :function_name, qualifier = :qualifier,
            execution_name = :execution_name, status = :status, invocation_phase = :invocation_phase,
            start_ms = :start_ms, started_at = :started_at, ended_at = :ended_at, purge_after = :purge_after,
            record = :record, \(progressAssignments)
        \(commitCondition)
        """

    /// A checkpoint's update: only progress columns, none of them indexed, so no index is touched.
    static let updateProgressSQL = "UPDATE executions SET \(progressAssignments) \(commitCondition)"

    /// The commit's checks in the UPDATE itself, so a commit needs no SELECT first: the row is still
    /// at the version the mutation was built on, and, when the mutation brings events, the last
    /// stored event is the one before its first (rows from before `stored_event_id` existed find it
    /// in `event_batches`). No row changed means a check failed; `selectCommitCheckSQL` then says which.
    private static let commitCondition = """
        WHERE arn = :arn AND version = :expected_version
            AND (:expected_event_id IS NULL OR COALESCE(stored_event_id,
                 (SELECT MAX(b.last_event_id) FROM event_batches b WHERE b.execution_key = executions.execution_key), 0)
                 = :expected_event_id)
        """

    private static let progressNames = [
        "version", "last_sequence", "last_position", "last_event_id", "observed_sequence", "checkpoint_token",
        "receipt_client_token", "receipt_inbound_token", "receipt_response_token", "receipt_observed_before",
    ]
    private static var progressColumns: String { progressNames.joined(separator: ", ") + ", stored_event_id" }
    private static var progressValues: String { progressNames.map { ":" + $0 }.joined(separator: ", ") + ", :stored_event_id" }
    // A commit without events keeps `stored_event_id` (NULL there means "unchanged").
    private static var progressAssignments: String {
        progressNames.map { "\($0) = :\($0)" }.joined(separator: ", ")
            + ", stored_event_id = COALESCE(:stored_event_id, stored_event_id)"
    }

    static let selectByArnSQL = "SELECT \(selection) FROM executions WHERE arn = ?"
    static let selectByNameSQL = "SELECT \(selection) FROM executions WHERE function_name = ? AND execution_name = ?"
    static let selectVersionSQL = "SELECT version FROM executions WHERE arn = ?"
    /// The version and the last stored event's id, to tell why a commit's UPDATE changed no row.
    static let selectCommitCheckSQL = "SELECT version, stored_event_id FROM executions WHERE arn = ?"
    // The predicate matches the partial index `executions_awaiting` word for word, so SQLite can use it.
    static let selectAwaitingInvocationSQL = """
        SELECT \(selection) FROM executions WHERE status = 'RUNNING' AND invocation_phase <> 'idle' ORDER BY started_at, arn
        """
    static let selectPurgeableSQL = """
        SELECT arn FROM executions WHERE purge_after IS NOT NULL AND purge_after <= ? AND status <> 'RUNNING'
        """
    static let deleteSQL = "DELETE FROM executions WHERE arn = ?"
    static let selectKeySQL = "SELECT execution_key FROM executions WHERE arn = ?"

    /// The named arguments of `insertSQL` and `updateSQL`; `storedEventId` is the id of the last event
    /// row the same write stores, nil when it stores none.
    static func arguments(_ record: ExecutionRecord, storedEventId: Int?) throws -> SQLiteArguments {
        SQLiteArguments(named: [
            ("function_name", .text(record.functionName)),
            ("qualifier", .text(record.qualifier)),
            ("execution_name", .text(record.executionName)),
            ("status", .text(record.status.rawValue)),
            ("invocation_phase", .text(record.invocationPhase.rawValue)),
            ("start_ms", .integer(Int64(record.startTimestamp.epochMillis))),
            ("started_at", .real(record.startTimestamp.columnSeconds)),
            ("ended_at", .real(record.endTimestamp?.columnSeconds)),
            ("purge_after", .real(record.purgeAfter?.columnSeconds)),
            ("record", .text(try record.storeDocument())),
        ]) + progressArguments(record, storedEventId: storedEventId)
    }

    /// The named arguments of `updateProgressSQL` (with `arn`).
    static func progressArguments(_ record: ExecutionRecord, storedEventId: Int?) -> SQLiteArguments {
        SQLiteArguments(named: [
            ("stored_event_id", .integer(storedEventId)),
            ("arn", .text(record.arn)),
            ("version", .integer(record.version)),
            ("last_sequence", .integer(record.lastSequence)),
            ("last_position", .integer(record.lastPosition)),
            ("last_event_id", .integer(record.lastEventId)),
            ("observed_sequence", .integer(record.observedSequence)),
            ("checkpoint_token", .text(record.checkpointToken)),
            ("receipt_client_token", .text(record.lastCheckpoint?.clientToken)),
            ("receipt_inbound_token", .text(record.lastCheckpoint?.inboundToken)),
            ("receipt_response_token", .text(record.lastCheckpoint?.responseToken)),
            ("receipt_observed_before", .integer(record.lastCheckpoint?.observedBefore)),
        ])
    }

    /// The commit checks' arguments, which `updateSQL` and `updateProgressSQL` take besides the row's.
    static func checkArguments(expectedVersion: Int, expectedEventId: Int?) -> SQLiteArguments {
        SQLiteArguments(named: [("expected_version", .integer(expectedVersion)), ("expected_event_id", .integer(expectedEventId))])
    }

    /// Whether `record` differs from `base` only in the fields with progress columns, so that
    /// `updateProgressSQL` stores it completely.
    static func changesOnlyProgress(_ record: ExecutionRecord, from base: ExecutionRecord) -> Bool {
        var probe = base
        probe.version = record.version
        probe.lastSequence = record.lastSequence
        probe.lastPosition = record.lastPosition
        probe.lastEventId = record.lastEventId
        probe.observedSequence = record.observedSequence
        probe.checkpointToken = record.checkpointToken
        probe.lastCheckpoint = record.lastCheckpoint
        return probe == record
    }

    /// Decodes a row of a `SELECT \(selection) …` statement.
    static func record(_ row: Row) throws -> ExecutionRecord {
        var record = try ExecutionRecord(storeDocument: row[0])
        record.version = row[1]
        // Rows written before the progress columns existed keep everything in `record`.
        guard let lastSequence = row[2] as Int? else { return record }
        record.lastSequence = lastSequence
        record.lastPosition = row[3]
        record.lastEventId = row[4]
        record.observedSequence = row[5]
        record.checkpointToken = row[6]
        if let clientToken = row[7] as String?, let inbound = row[8] as String? {
            record.lastCheckpoint = CachedCheckpoint(clientToken: clientToken, inboundToken: inbound,
                                                     responseToken: row[9], observedBefore: row[10])
        } else {
            record.lastCheckpoint = nil
        }
        return record
    }

    /// Fetches and decodes the records a `SELECT \(selection) …` statement yields.
    static func fetchAll(_ statement: Statement, arguments: StatementArguments = []) throws -> [ExecutionRecord] {
        try Row.fetchAll(statement, arguments: arguments).map(record)
    }

    /// Fetches and decodes the first record a `SELECT \(selection) …` statement yields.
    static func fetchOne(_ statement: Statement, arguments: StatementArguments = []) throws -> ExecutionRecord? {
        try Row.fetchOne(statement, arguments: arguments).map(record)
    }
}
