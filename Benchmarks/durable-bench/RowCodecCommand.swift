import ArgumentParser
import DurableModel
import DurableServer
import DurableSQLite
import Foundation
import GRDB

/// `durable-bench rowcodec`: what one stored operation or history event costs to encode and decode,
/// with Foundation's `JSONEncoder`/`JSONDecoder` and with the direct coding the stores use; the SQLite
/// store's uncached read of a 1,000-operation history; and, to choose between JSON documents and
/// columns, the same 1,000 rows written and read as a JSON column versus hot fields as columns.
struct RowCodecCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rowcodec", abstract: "Micro-benchmark the store's row coding.")

    @Option(help: "Seconds per measurement.")
    var seconds = 0.5

    @Option(help: "Directory for the SQLite file.")
    var directory = NSTemporaryDirectory()

    func run() async throws {
        try codecs()
        try await storeReads()
        try columnsVersusDocuments()
    }

    // MARK: Documents

    private func codecs() throws {
        let start = Date(timeIntervalSinceReferenceDate: 786_000_000.123456)
        let step = StoredOperation(
            operation: DurableModel.Operation(id: "c4ca4238a0b92382", name: "s17", type: .step, subType: "Step", startTimestamp: start,
                                 endTimestamp: start.addingTimeInterval(0.000412), status: .succeeded,
                                 stepDetails: StepDetails(attempt: 1, result: "17")),
            position: 18, sequence: 35)
        let bigPayload = String(repeating: #"{"name":"caf\u00e9 ☕","path":"a/b","quote":"\"x\""},"#, count: 20)
        let failed = DurableModel.Operation(id: "eccbc87e4b5ce2fe", parentId: "c81e728d9d4c2f63", name: "charge", type: .step, subType: "Step",
                               startTimestamp: start, status: .pending,
                               stepDetails: StepDetails(attempt: 2, nextAttemptTimestamp: start.addingTimeInterval(4), error: ErrorObject(
                                   errorType: "PaymentError", errorMessage: "card declined: \"insufficient funds\"", errorData: bigPayload,
                                   stackTrace: ["at charge (payment.swift:12)", "at run (order.swift:40)"])))
        let started = HistoryEvent(eventType: .stepStarted, eventId: 36, eventTimestamp: start, id: "c4ca4238a0b92382", name: "s17", subType: "Step")
        let succeeded = HistoryEvent(eventType: .stepSucceeded, eventId: 37, eventTimestamp: start, id: "c4ca4238a0b92382", name: "s17",
                                     subType: "Step", details: EventDetails(result: EventPayload(payload: "17"),
                                                                            retryDetails: RetryDetails(currentAttempt: 1)))
        let big = HistoryEvent(eventType: .stepSucceeded, eventId: 38, eventTimestamp: start, id: "a87ff679a2f3e71d", name: "report",
                               subType: "Step", details: EventDetails(result: EventPayload(payload: bigPayload)))
        try compare("step operation (W1)", step.operation)
        try compare("operation meta (empty)", step.meta)
        try compare("pending step with error (1 KB)", failed)
        try compare("StepStarted event (W1)", started)
        try compare("StepSucceeded event (W1)", succeeded)
        try compare("StepSucceeded event (1 KB result)", big)
    }

    private func compare<T: DirectJSONCodable & Codable & Equatable>(_ name: String, _ value: T) throws {
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        let foundationText = String(decoding: try encoder.encode(value), as: UTF8.self)
        let directText = try value.directJSON()
        guard try T(directJSON: foundationText) == value, try decoder.decode(T.self, from: Data(directText.utf8)) == value else {
            throw BenchError("\(name): the codings disagree")
        }
        let results: [(String, String, Double)] = [
            ("foundation", "encode", try perCall { _ = String(decoding: try encoder.encode(value), as: UTF8.self) }),
            ("direct", "encode", try perCall { _ = try value.directJSON() }),
            ("foundation", "decode", try perCall { _ = try decoder.decode(T.self, from: Data(foundationText.utf8)) }),
            ("direct", "decode", try perCall { _ = try T(directJSON: directText) }),
        ]
        for (peer, what, micros) in results {
            BenchResult(workload: "rowcodec", peer: peer, metric: "\(what) \(name) µs", value: micros, unit: "µs",
                        note: "\(directText.utf8.count) bytes").emit()
        }
    }

    /// Microseconds per call of `body`, run for `seconds` after a short warm-up; the best of three rounds.
    private func perCall(_ body: () throws -> Void) throws -> Double {
        for _ in 0..<200 { try body() }
        var best = Double.infinity
        for _ in 0..<3 {
            var calls = 0
            let begin = ContinuousClock.now
            repeat {
                for _ in 0..<100 { try body() }
                calls += 100
            } while Statistics.seconds(since: begin) < seconds / 3
            best = min(best, Statistics.seconds(since: begin) * 1e6 / Double(calls))
        }
        return best
    }

    // MARK: The store

    /// The uncached reads a resume of W6's long execution makes: all operations, and a page of events.
    private func storeReads() async throws {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("durable-bench-rowcodec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteExecutionStore(path: folder.appendingPathComponent("rows.sqlite").path)
        defer { try? store.close() }
        let (record, operations, events) = Self.history(steps: 1000)
        _ = try await store.createExecution(record, operations: operations, events: events, timers: [])
        var operationReads: [Double] = [], eventReads: [Double] = []
        for _ in 0..<15 {
            let begin = ContinuousClock.now
            let read = try await store.operations(executionArn: record.arn)
            operationReads.append(Statistics.seconds(since: begin) * 1000)
            guard read.count == operations.count else { throw BenchError("read \(read.count) operations") }
            let eventsBegin = ContinuousClock.now
            _ = try await store.events(executionArn: record.arn, after: nil, limit: 1000, reverse: false)
            eventReads.append(Statistics.seconds(since: eventsBegin) * 1000)
        }
        BenchResult(workload: "rowcodec", peer: "sqlite", metric: "read 1001 operations ms", value: Statistics.quantile(operationReads, 0.5),
                    unit: "ms", note: "median of 15; min \(String(format: "%.2f", operationReads.min()!))").emit()
        BenchResult(workload: "rowcodec", peer: "sqlite", metric: "read 1000 events ms", value: Statistics.quantile(eventReads, 0.5),
                    unit: "ms", note: "median of 15; min \(String(format: "%.2f", eventReads.min()!))").emit()
    }

    /// An execution with `steps` succeeded steps and their events, as W6's long execution stores them.
    static func history(steps: Int) -> (ExecutionRecord, [StoredOperation], [HistoryEvent]) {
        let t0 = Date(timeIntervalSinceReferenceDate: 786_000_000.123456)
        let arn = "arn:aws:lambda:us-east-1:000000000000:function:w6h:$LATEST/durable-execution/bench/\(UUID().uuidString)"
        let record = ExecutionRecord(arn: arn, functionName: "w6h", qualifier: "$LATEST", executionName: "bench", executionId: "bench",
                                     functionArn: "arn:aws:lambda:us-east-1:000000000000:function:w6h", executedVersion: "$LATEST",
                                     startTimestamp: t0, inputPayload: "{}", executionTimeoutSeconds: 3600, retentionPeriodDays: 1)
        var operations = [StoredOperation(operation: DurableModel.Operation(id: "exec", type: .execution, startTimestamp: t0, status: .started,
                                                               executionDetails: ExecutionDetails(inputPayload: #"{"key":"history","steps":1000}"#)),
                                          position: 0, sequence: 1)]
        var events = [HistoryEvent(eventType: .executionStarted, eventId: 1, eventTimestamp: t0,
                                   details: EventDetails(input: EventPayload(payload: "{}")))]
        for index in 0..<steps {
            let at = t0.addingTimeInterval(Double(index) * 0.0013)
            let id = String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            let op = DurableModel.Operation(id: id, name: "s\(index)", type: .step, subType: "Step", startTimestamp: at,
                               endTimestamp: at.addingTimeInterval(0.0004), status: .succeeded, stepDetails: StepDetails(attempt: 1, result: "\(index)"))
            operations.append(StoredOperation(operation: op, position: index + 1, sequence: index + 2))
            if events.count < 1000 {
                events.append(HistoryEvent(eventType: .stepSucceeded, eventId: events.count + 1, eventTimestamp: at, id: id, name: op.name,
                                           subType: "Step", details: EventDetails(result: EventPayload(payload: "\(index)"),
                                                                                  retryDetails: RetryDetails(currentAttempt: 1))))
            }
        }
        return (record, operations, events)
    }

    // MARK: Documents or columns

    /// Writes and reads 1,000 step operations as today's JSON `operation` column and as hot columns
    /// (with a JSON column only for rarely set details), in one in-memory SQLite database, so the
    /// coding is measured together with the binding and fetching it would replace.
    private func columnsVersusDocuments() throws {
        let (_, operations, _) = Self.history(steps: 1000)
        let db = try DatabaseQueue()
        try db.write { db in
            try db.execute(sql: """
                CREATE TABLE documents (arn TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, sequence INTEGER NOT NULL,
                                        operation TEXT NOT NULL, meta TEXT NOT NULL, PRIMARY KEY (arn, id)) WITHOUT ROWID;
                CREATE TABLE columns (arn TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, sequence INTEGER NOT NULL,
                                      parent_id TEXT, name TEXT, type TEXT NOT NULL, sub_type TEXT, start_at REAL NOT NULL,
                                      end_at REAL, status TEXT NOT NULL, attempt INTEGER, result TEXT, details TEXT, meta TEXT,
                                      PRIMARY KEY (arn, id)) WITHOUT ROWID;
                """)
        }
        let documentInsert = "INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?, ?)"
        let columnInsert = "INSERT OR REPLACE INTO columns VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        let documentWrite = try perCall {
            try db.write { db in
                let insert = try db.cachedStatement(sql: documentInsert)
                for op in operations {
                    try insert.execute(arguments: ["a", op.id, op.position, op.sequence, try op.operation.directJSON(), try op.meta.directJSON()])
                }
            }
        } / Double(operations.count)
        let columnWrite = try perCall {
            try db.write { db in
                let insert = try db.cachedStatement(sql: columnInsert)
                for op in operations {
                    let o = op.operation
                    // Details other than a step's attempt and result would stay a document; W1's steps have none.
                    var rest = o
                    rest.stepDetails = nil
                    let hasRest = rest.executionDetails != nil || rest.contextDetails != nil || rest.waitDetails != nil
                        || rest.callbackDetails != nil || rest.chainedInvokeDetails != nil || o.stepDetails?.error != nil
                    try insert.execute(arguments: [
                        "a", o.id, op.position, op.sequence, o.parentId, o.name, o.type.rawValue, o.subType,
                        o.startTimestamp.timeIntervalSinceReferenceDate, o.endTimestamp?.timeIntervalSinceReferenceDate,
                        o.status.rawValue, o.stepDetails?.attempt, o.stepDetails?.result, hasRest ? try rest.directJSON() : nil,
                        op.meta == OperationMeta() ? nil : try op.meta.directJSON(),
                    ])
                }
            }
        } / Double(operations.count)
        let documentRead = try perCall {
            let rows = try db.read { db in try Row.fetchAll(db.cachedStatement(sql: "SELECT position, sequence, operation, meta FROM documents WHERE arn = 'a' ORDER BY position")) }
            for row in rows {
                _ = StoredOperation(operation: try DurableModel.Operation(directJSON: row[2]), position: row[0], sequence: row[1],
                                    meta: try OperationMeta(directJSON: row[3]))
            }
        } / Double(operations.count)
        let columnRead = try perCall {
            let rows = try db.read { db in
                try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT position, sequence, id, parent_id, name, type, sub_type, start_at, end_at, status, attempt, result, details, meta
                    FROM columns WHERE arn = 'a' ORDER BY position
                    """))
            }
            for row in rows {
                let details: String? = row[12]
                var op = try details.map { try DurableModel.Operation(directJSON: $0) }
                    ?? DurableModel.Operation(id: row[2], type: .step, startTimestamp: Date(), status: .started)
                op.id = row[2]
                op.parentId = row[3]
                op.name = row[4]
                guard let type = OperationType(rawValue: row[5]), let status = OperationStatus(rawValue: row[9]) else { throw BenchError("bad row") }
                op.type = type
                op.subType = row[6]
                op.startTimestamp = Date(timeIntervalSinceReferenceDate: row[7])
                op.endTimestamp = (row[8] as Double?).map(Date.init(timeIntervalSinceReferenceDate:))
                op.status = status
                let attempt: Int? = row[10], result: String? = row[11]
                if attempt != nil || result != nil {
                    op.stepDetails = StepDetails(attempt: attempt, nextAttemptTimestamp: op.stepDetails?.nextAttemptTimestamp, result: result,
                                                 error: op.stepDetails?.error)
                }
                let meta: String? = row[13]
                _ = StoredOperation(operation: op, position: row[0], sequence: row[1], meta: try meta.map { try OperationMeta(directJSON: $0) } ?? OperationMeta())
            }
        } / Double(operations.count)
        for (peer, metric, value) in [("documents", "write", documentWrite), ("columns", "write", columnWrite),
                                      ("documents", "read", documentRead), ("columns", "read", columnRead)] {
            BenchResult(workload: "rowcodec", peer: peer, metric: "\(metric) one step operation row µs (in-memory SQLite, 1000 per transaction)",
                        value: value, unit: "µs").emit()
        }
    }
}
