import DurableModel
import DurableServer
import PostgresNIO

/// A mutation as one SQL statement: the version-checked execution update plus every row it writes,
/// as data-modifying CTEs, so a commit is one round trip (and one implicit transaction) instead of
/// a BEGIN, a statement per row and a COMMIT.
///
/// The version and event-id conditions sit in the UPDATE's own WHERE clause: under READ COMMITTED a
/// concurrent commit of the same row makes PostgreSQL re-check them against the newest row version,
/// so the loser updates nothing. Every other CTE writes only when the UPDATE returned the row.
struct PostgresCommitStatement {
    let query: PostgresQuery

    /// Builds the statement for `mutation`, whose record carries the version it read (the row gets it plus one).
    init(_ mutation: ExecutionMutation) throws {
        let arn = mutation.record.arn
        var record = mutation.record
        record.version += 1
        let json = try record.storeDocument()
        // Later writes of one key win, as they would row by row; one statement may touch a row only once.
        let operations = Self.lastPerKey(mutation.operations, key: \.id)
        let armed = Self.lastPerKey(mutation.armTimers, key: \.key)
        let armedKeys = Set(armed.map(\.key))
        // Arming replaces a timer anyway; a key both disarmed and armed is only armed.
        let disarmed = Array(Set(mutation.disarmTimers)).filter { !armedKeys.contains($0) }
        let callbacks = Self.lastPerKey(mutation.callbacks, key: \.callbackId)

        let opIds = operations.map(\.id), opPositions = operations.map(\.position), opSequences = operations.map(\.sequence)
        let opDocuments = try operations.map { try StoreJSON.encode($0.operation) }
        let opMetas = try operations.map { try StoreJSON.encode($0.meta) }
        let eventIds = mutation.events.map(\.eventId)
        let eventDocuments = try mutation.events.map { try StoreJSON.encode($0) }
        let firstEvent = mutation.events.first?.eventId
        let lastEvent = mutation.events.last?.eventId
        let disarmArns = disarmed.map(\.executionArn), disarmKinds = disarmed.map(\.kind.rawValue)
        let disarmOperations = disarmed.map { $0.operationId ?? "" }
        // The primary key cannot hold NULL, so an execution-level timer's operation is ''.
        let armArns = armed.map(\.key.executionArn), armKinds = armed.map(\.key.kind.rawValue)
        let armOperations = armed.map { $0.key.operationId ?? "" }, armDue = armed.map(\.dueAt.columnSeconds)
        let callbackIds = callbacks.map(\.callbackId), callbackArns = callbacks.map(\.executionArn)
        let callbackOperations = callbacks.map(\.operationId)

        query = """
            WITH updated AS (
                UPDATE executions SET function_name = \(record.functionName), qualifier = \(record.qualifier),
                    execution_name = \(record.executionName), status = \(record.status.rawValue),
                    invocation_phase = \(record.invocationPhase.rawValue), start_ms = \(record.startTimestamp.epochMillis),
                    started_at = \(record.startTimestamp.columnSeconds), ended_at = \(record.endTimestamp?.columnSeconds),
                    purge_after = \(record.purgeAfter?.columnSeconds), version = \(record.version), record = \(json)::json,
                    stored_event_id = COALESCE(\(lastEvent)::bigint, stored_event_id)
                WHERE arn = \(arn) AND version = \(mutation.record.version)
                  AND (\(firstEvent)::bigint IS NULL OR COALESCE(stored_event_id,
                        (SELECT MAX(event_id) FROM events WHERE execution_arn = \(arn)), 0) = \(firstEvent)::bigint - 1)
                RETURNING arn
            ), disarmed AS (
                DELETE FROM timers t
                USING unnest(\(disarmArns)::text[], \(disarmKinds)::text[], \(disarmOperations)::text[]) AS d(arn, kind, op)
                WHERE t.execution_arn = d.arn AND t.kind = d.kind AND t.operation_id = d.op AND EXISTS (SELECT 1 FROM updated)
            ), operations_written AS (
                INSERT INTO operations (execution_arn, id, position, sequence, operation, meta)
                SELECT \(arn), o.id, o.position, o.sequence, o.operation::json, o.meta::json
                FROM unnest(\(opIds)::text[], \(opPositions)::bigint[], \(opSequences)::bigint[], \(opDocuments)::text[],
                            \(opMetas)::text[]) AS o(id, position, sequence, operation, meta)
                WHERE EXISTS (SELECT 1 FROM updated)
                ON CONFLICT (execution_arn, id) DO UPDATE SET
                    position = excluded.position, sequence = excluded.sequence,
                    operation = excluded.operation, meta = excluded.meta
            ), events_written AS (
                INSERT INTO events (execution_arn, event_id, event)
                SELECT \(arn), e.id, e.event::json FROM unnest(\(eventIds)::bigint[], \(eventDocuments)::text[]) AS e(id, event)
                WHERE EXISTS (SELECT 1 FROM updated)
            ), armed AS (
                INSERT INTO timers (execution_arn, kind, operation_id, due_at)
                SELECT a.arn, a.kind, a.op, a.due
                FROM unnest(\(armArns)::text[], \(armKinds)::text[], \(armOperations)::text[], \(armDue)::float8[]) AS a(arn, kind, op, due)
                WHERE EXISTS (SELECT 1 FROM updated)
                ON CONFLICT (execution_arn, kind, operation_id)
                DO UPDATE SET due_at = excluded.due_at, lease_owner = NULL, lease_expires_at = NULL
            ), indexed AS (
                INSERT INTO callbacks (callback_id, execution_arn, operation_id)
                SELECT c.id, c.arn, c.op FROM unnest(\(callbackIds)::text[], \(callbackArns)::text[], \(callbackOperations)::text[]) AS c(id, arn, op)
                WHERE EXISTS (SELECT 1 FROM updated)
                ON CONFLICT (callback_id) DO UPDATE SET execution_arn = excluded.execution_arn, operation_id = excluded.operation_id
            )
            SELECT count(*)::bigint FROM updated
            """
    }

    /// The last element for each key, in the order of the keys' first appearance.
    private static func lastPerKey<T, K: Hashable>(_ items: [T], key: (T) -> K) -> [T] {
        var order: [K] = []
        var latest: [K: T] = [:]
        for item in items {
            let k = key(item)
            if latest.updateValue(item, forKey: k) == nil { order.append(k) }
        }
        return order.map { latest[$0]! }
    }
}
