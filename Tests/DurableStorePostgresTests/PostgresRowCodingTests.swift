import DurableModel
import DurableServer
import DurableStorePostgres
import Foundation
import PostgresNIO
import Testing

/// Operation and event rows are written with the direct JSON coding; rows that Foundation's
/// `JSONEncoder` wrote (every database from before it) must keep reading exactly.
@Suite("PostgreSQL row coding", .enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipReason))
struct PostgresRowCodingTests {
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600.000123)

    static let operations: [StoredOperation] = [
        StoredOperation(operation: DurableModel.Operation(id: "step", name: "café ☕", type: .step, subType: "Step", startTimestamp: t0, endTimestamp: t0,
                                             status: .succeeded, stepDetails: StepDetails(attempt: 1, result: #"{"a":"\"/\\ \u{1}😀"}"#)),
                        position: 1, sequence: 2),
        StoredOperation(operation: DurableModel.Operation(id: "cb", type: .callback, startTimestamp: t0, status: .started,
                                             callbackDetails: CallbackDetails(callbackId: "Y2I=")),
                        position: 2, sequence: 3, meta: OperationMeta(callbackTimeoutSeconds: 60, callbackHeartbeatSeconds: 5)),
    ]

    static let events: [HistoryEvent] = [
        HistoryEvent(eventType: .stepSucceeded, eventId: 1, eventTimestamp: t0, id: "step", name: "café ☕", subType: "Step",
                     details: EventDetails(result: EventPayload(payload: "\"\u{2028}\n\""), retryDetails: RetryDetails(currentAttempt: 1))),
        HistoryEvent(eventType: .callbackStarted, eventId: 2, eventTimestamp: t0, id: "cb",
                     details: EventDetails(callbackId: "Y2I=", heartbeatTimeout: 5, timeout: 60)),
    ]

    @Test func oldRowsReadAndNewRowsHoldTheDirectCoding() async throws {
        try await RunningStore.with { running in
            let record = try await PostgresExecutionStoreTests.create(running.store, "rows")
            // Rows as the store wrote them before the direct coding: Foundation's JSONEncoder.
            try await Self.withConnection(to: running.database) { connection in
                for op in Self.operations {
                    let operation = try Self.foundation(op.operation), meta = try Self.foundation(op.meta)
                    try await connection.query("""
                        INSERT INTO operations (execution_arn, id, position, sequence, operation, meta)
                        VALUES (\(record.arn), \(op.id), \(op.position), \(op.sequence), \(operation)::json, \(meta)::json)
                        """, logger: PostgresTestServer.logger)
                }
                let event = try Self.foundation(Self.events[0])
                try await connection.query("""
                    INSERT INTO events (execution_arn, event_id, event) VALUES (\(record.arn), 1, \(event)::json)
                    """, logger: PostgresTestServer.logger)
                // That build kept no stored_event_id either: the store finds the last event by looking.
                try await connection.query("UPDATE executions SET stored_event_id = NULL WHERE arn = \(record.arn)",
                                           logger: PostgresTestServer.logger)
            }
            #expect(try await running.store.operations(executionArn: record.arn) == Self.operations)
            #expect(try await running.store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) == [Self.events[0]])

            // A commit rewrites the callback operation and appends an event: both in the direct coding.
            var callback = Self.operations[1]
            callback.operation.status = .succeeded
            callback.operation.callbackDetails?.result = "\"done/ü\""
            callback.sequence = 4
            _ = try await running.store.commit(ExecutionMutation(record: record, operations: [callback], events: [Self.events[1]]))
            try await Self.withConnection(to: running.database) { connection in
                let rows = try await connection.query("""
                    SELECT operation::text, meta::text FROM operations WHERE execution_arn = \(record.arn) AND id = 'cb'
                    """, logger: PostgresTestServer.logger)
                for try await (operation, meta) in rows.decode((String, String).self) {
                    #expect(operation == (try callback.operation.directJSON()))
                    #expect(meta == (try callback.meta.directJSON()))
                }
                let events = try await connection.query("""
                    SELECT event::text FROM events WHERE execution_arn = \(record.arn) AND event_id = 2
                    """, logger: PostgresTestServer.logger)
                for try await text in events.decode(String.self) {
                    #expect(text == (try Self.events[1].directJSON()))
                    #expect(try JSONDecoder().decode(HistoryEvent.self, from: Data(text.utf8)) == Self.events[1])
                }
            }
            #expect(try await running.store.operations(executionArn: record.arn) == [Self.operations[0], callback])
            #expect(try await running.store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) == Self.events)
        }
    }

    static func foundation(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// Runs `body` on a connection of its own to `database`.
    static func withConnection(to database: String, _ body: (PostgresConnection) async throws -> Void) async throws {
        let client = try PostgresTestServer.configuration()
        let configuration = PostgresConnection.Configuration(
            host: client.host ?? "127.0.0.1", port: client.port ?? 5432, username: client.username,
            password: client.password, database: database, tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: PostgresTestServer.logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
