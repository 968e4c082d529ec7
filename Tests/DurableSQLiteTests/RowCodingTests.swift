import DurableModel
import DurableServer
@testable import DurableSQLite
import Foundation
import GRDB
import Testing

/// Operation and event rows are written with the direct JSON coding; rows that Foundation's
/// `JSONEncoder` wrote (every database file from before it) must keep reading exactly.
@Suite("SQLite row coding")
struct RowCodingTests {
    typealias F = StoreFixture

    /// Operations of every type with details, errors, unicode and escapes, and engine metadata.
    static func operations() -> [StoredOperation] {
        let t = F.t0.addingTimeInterval(0.000123456)
        return [
            StoredOperation(operation: DurableModel.Operation(id: "exec", type: .execution, startTimestamp: t, status: .started,
                                                 executionDetails: ExecutionDetails(inputPayload: #"{"order":"café ☕ \"42\" a/b"}"#)),
                            position: 0, sequence: 1),
            StoredOperation(operation: DurableModel.Operation(id: "ctx", parentId: nil, name: "批处理", type: .context, subType: "Map", startTimestamp: t,
                                                 endTimestamp: t.addingTimeInterval(1), status: .failed,
                                                 contextDetails: ContextDetails(replayChildren: true, result: nil, error: ErrorObject(
                                                     errorType: "MapError", errorMessage: "line1\nline2\t\u{1}", errorData: "{}",
                                                     stackTrace: ["a", "😀"]))),
                            position: 1, sequence: 2),
            StoredOperation(operation: DurableModel.Operation(id: "step", parentId: "ctx", name: "charge", type: .step, subType: "Step", startTimestamp: t,
                                                 status: .pending, stepDetails: StepDetails(attempt: 2, nextAttemptTimestamp: t.addingTimeInterval(4.5),
                                                                                            result: nil, error: ErrorObject(errorType: "E"))),
                            position: 2, sequence: 3),
            StoredOperation(operation: DurableModel.Operation(id: "wait", type: .wait, subType: "Wait", startTimestamp: t, status: .started,
                                                 waitDetails: WaitDetails(scheduledEndTimestamp: t.addingTimeInterval(30))),
                            position: 3, sequence: 4, meta: OperationMeta(waitSeconds: 30)),
            StoredOperation(operation: DurableModel.Operation(id: "cb", type: .callback, startTimestamp: t, endTimestamp: t, status: .succeeded,
                                                 callbackDetails: CallbackDetails(callbackId: "Y2I=", result: "\"\\u0000 \\\\ \u{2028}\"")),
                            position: 4, sequence: 5, meta: OperationMeta(callbackTimeoutSeconds: 60, callbackHeartbeatSeconds: 10)),
            StoredOperation(operation: DurableModel.Operation(id: "inv", type: .chainedInvoke, startTimestamp: t, status: .timedOut,
                                                 chainedInvokeDetails: ChainedInvokeDetails(error: ErrorObject(errorMessage: "timed out"))),
                            position: 5, sequence: 6,
                            meta: OperationMeta(chainedChildArn: "arn:child", chainedFunctionName: "child", chainedTimeoutSeconds: 5)),
        ]
    }

    static func events() -> [HistoryEvent] {
        let t = F.t0.addingTimeInterval(0.5)
        return [
            HistoryEvent(eventType: .executionStarted, eventId: 1, eventTimestamp: t,
                         details: EventDetails(input: EventPayload(payload: "{\"é\":\"/\"}"), executionTimeout: 900)),
            HistoryEvent(eventType: .stepStarted, eventId: 2, eventTimestamp: t, id: "step", name: "charge", parentId: "ctx", subType: "Step"),
            HistoryEvent(eventType: .stepFailed, eventId: 3, eventTimestamp: t, id: "step", name: "charge", subType: "Step",
                         details: EventDetails(error: EventError(payload: ErrorObject(errorType: "E", errorMessage: "\"quoted\"\r\n")),
                                               retryDetails: RetryDetails(currentAttempt: 1, nextAttemptDelaySeconds: 2))),
            HistoryEvent(eventType: .callbackStarted, eventId: 4, eventTimestamp: t, id: "cb",
                         details: EventDetails(callbackId: "Y2I=", heartbeatTimeout: 10, timeout: 60)),
            HistoryEvent(eventType: .chainedInvokeStarted, eventId: 5, eventTimestamp: t, id: "inv",
                         details: EventDetails(input: EventPayload(payload: nil, truncated: true), functionName: "child", tenantId: "t",
                                               executedVersion: "1", durableExecutionArn: "arn:child")),
            HistoryEvent(eventType: .invocationCompleted, eventId: 6, eventTimestamp: t,
                         details: EventDetails(startTimestamp: t, endTimestamp: t.addingTimeInterval(0.25), requestId: "r-😀")),
        ]
    }

    @Test func rowsWrittenByJSONEncoderReadBackExactly() async throws {
        let (directory, path) = F.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let record = F.record("legacy")
        let operations = Self.operations(), events = Self.events()
        do {
            let store = try SQLiteExecutionStore(path: path)
            _ = try await store.createExecution(record, operations: [], events: [], timers: [])
            // Rows as the store wrote them before the direct coding: Foundation's JSONEncoder, its member order and `\/`.
            try await store.writer.write { db in
                for op in operations {
                    try db.execute(sql: "INSERT INTO operations (execution_key, id, position, sequence, operation, meta) VALUES ((SELECT execution_key FROM executions WHERE arn = ?), ?, ?, ?, ?, ?)",
                                   arguments: [record.arn, op.id, op.position, op.sequence, Self.foundation(op.operation), Self.foundation(op.meta)])
                }
                // The first event as a batch of one (as the v5 migration leaves each older event), the rest in one batch.
                let rest = try events.dropFirst().map(Self.foundation).joined(separator: "\n")
                try db.execute(sql: "INSERT INTO event_batches (execution_key, first_event_id, last_event_id, events) VALUES ((SELECT execution_key FROM executions WHERE arn = ?), ?, ?, ?)",
                               arguments: [record.arn, events[0].eventId, events[0].eventId, Self.foundation(events[0])])
                try db.execute(sql: "INSERT INTO event_batches (execution_key, first_event_id, last_event_id, events) VALUES ((SELECT execution_key FROM executions WHERE arn = ?), ?, ?, ?)",
                               arguments: [record.arn, events[1].eventId, events.last!.eventId, rest])
            }
            try store.close()
        }
        let reopened = try SQLiteExecutionStore(path: path)
        defer { try? reopened.close() }
        #expect(try await reopened.operations(executionArn: record.arn) == operations)
        #expect(try await reopened.operations(executionArn: record.arn, changedAfter: 3) == Array(operations[3...]))
        let map = try await reopened.operationMap(executionArn: record.arn)
        for op in operations { #expect(map[op.id] == op) }
        #expect(try await reopened.events(executionArn: record.arn, after: nil, limit: 100, reverse: false) == events)
        #expect(try await reopened.events(executionArn: record.arn, after: nil, limit: 2, reverse: true) == events.suffix(2).reversed())
    }

    @Test func newRowsHoldTheDirectCodingAndJSONDecoderReadsThem() async throws {
        let store = try SQLiteExecutionStore.makeInMemory()
        defer { try? store.close() }
        let record = F.record("direct")
        let operations = Self.operations(), events = Self.events()
        _ = try await store.createExecution(record, operations: Array(operations.prefix(2)), events: Array(events.prefix(1)), timers: [])
        _ = try await store.commit(ExecutionMutation(record: record, operations: Array(operations.dropFirst(2)), events: Array(events.dropFirst(1))))
        let rows = try store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT operation, meta FROM operations WHERE execution_key = (SELECT execution_key FROM executions WHERE arn = ?) ORDER BY position", arguments: [record.arn])
        }
        #expect(rows.count == operations.count)
        for (row, op) in zip(rows, operations) {
            let operation: String = row["operation"], meta: String = row["meta"]
            #expect(operation == (try op.operation.directJSON()))
            #expect(meta == (try op.meta.directJSON()))
            #expect(try JSONDecoder().decode(DurableModel.Operation.self, from: Data(operation.utf8)) == op.operation)
            #expect(try JSONDecoder().decode(OperationMeta.self, from: Data(meta.utf8)) == op.meta)
        }
        // One batch row per write (the creation's, the commit's), one document per line.
        let batches = try await store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT events FROM event_batches WHERE execution_key = (SELECT execution_key FROM executions WHERE arn = ?) ORDER BY first_event_id",
                                arguments: [record.arn])
        }
        #expect(batches.count == 2)
        let texts = batches.flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(texts == (try events.map { try $0.directJSON() }))
        #expect(try texts.map { try JSONDecoder().decode(HistoryEvent.self, from: Data($0.utf8)) } == events)
        #expect(try await store.operations(executionArn: record.arn) == operations)
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 100, reverse: false) == events)
    }

    @Test func metadataReadsAndWritesLikeCodable() throws {
        let metas = Self.operations().map(\.meta) + [OperationMeta(waitSeconds: Int.max, callbackTimeoutSeconds: 0, callbackHeartbeatSeconds: -1,
                                                                  chainedChildArn: "\"é/😀\"", chainedFunctionName: "", chainedTimeoutSeconds: Int.min)]
        for meta in metas {
            #expect(try OperationMeta(directJSON: Self.foundation(meta)) == meta)
            #expect(try JSONDecoder().decode(OperationMeta.self, from: Data(meta.directJSON().utf8)) == meta)
        }
        #expect(try OperationMeta(directJSON: #"{"waitSeconds":null,"future":{"x":[1]},"chainedChildArn":"a"}"#) == OperationMeta(chainedChildArn: "a"))
    }

    @Test func aRowWithoutItsKeyFailsTheCommitInsteadOfMisfilingItsRows() async throws {
        let store = try SQLiteExecutionStore.makeInMemory()
        defer { try? store.close() }
        let record = F.record("keyless")
        _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE executions SET execution_key = NULL WHERE arn = ?", arguments: [record.arn])
        }
        await #expect(throws: SQLiteStoreError.missingExecutionKey(arn: record.arn)) {
            try await store.commit(ExecutionMutation(record: record, operations: [F.operation("a", position: 1, sequence: 1)],
                                                     events: [F.event(2)]))
        }
        let rows = try await store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM operations") }
        #expect(rows == 0)
        #expect(try await store.execution(arn: record.arn)?.version == record.version)
    }

    @Test func aCorruptRowIsAnErrorNotACrash() async throws {
        let store = try SQLiteExecutionStore.makeInMemory()
        defer { try? store.close() }
        let record = F.record("corrupt")
        _ = try await store.createExecution(record, operations: [], events: [], timers: [])
        try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO operations (execution_key, id, position, sequence, operation, meta) VALUES ((SELECT execution_key FROM executions WHERE arn = ?), 'x', 1, 1, ?, '{}')",
                           arguments: [record.arn, #"{"Id":"x","Type":"STEP","StartTimestamp":0,"Status":"#])
            try db.execute(sql: "INSERT INTO event_batches (execution_key, first_event_id, last_event_id, events) VALUES ((SELECT execution_key FROM executions WHERE arn = ?), 1, 1, ?)",
                           arguments: [record.arn, #"{"EventType":"NoSuchEvent","EventId":1,"EventTimestamp":0}"#])
        }
        await #expect(throws: DirectJSONError.self) { try await store.operations(executionArn: record.arn) }
        await #expect(throws: DirectJSONError.self) { try await store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) }
    }

    static func foundation(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
