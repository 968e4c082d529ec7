import DurableModel
import DurableServer
import DurableSQLite
import Foundation

/// The stores every test runs against: both SQLite flavours, and the in-memory store as the reference
/// whose behaviour the SQLite store must reproduce (a test failing only for it has a wrong expectation).
enum StoreKind: String, CaseIterable, Sendable {
    case reference
    case sqliteFile
    case sqliteMemory
}

/// A store under test plus the temporary directory it lives in.
struct StoreFixture {
    let store: any ExecutionStore
    let directory: URL?

    /// A fresh file path in a new temporary directory (the directory itself is not created yet).
    static func temporaryPath() -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("DurableSQLiteTests-\(UUID().uuidString)", isDirectory: true)
        return (directory, directory.appendingPathComponent("nested/store.sqlite").path)
    }

    /// A fresh store of `kind`; call `tearDown()` when done.
    static func make(_ kind: StoreKind) throws -> StoreFixture {
        switch kind {
        case .reference:
            return StoreFixture(store: InMemoryExecutionStore(), directory: nil)
        case .sqliteMemory:
            return StoreFixture(store: try SQLiteExecutionStore.makeInMemory(), directory: nil)
        case .sqliteFile:
            let (directory, path) = temporaryPath()
            return StoreFixture(store: try SQLiteExecutionStore(path: path), directory: directory)
        }
    }

    func tearDown() {
        if let sqlite = store as? SQLiteExecutionStore { try? sqlite.close() }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    // MARK: - Rows

    /// 2026-01-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_767_225_600)

    static func arn(_ name: String, function: String = "orders") -> String {
        "arn:aws:lambda:us-east-1:123456789012:function:\(function):$LATEST/durable-execution/\(name)/id-\(name)"
    }

    static func record(_ name: String, function: String = "orders", qualifier: String = "$LATEST",
                       start: Date = t0, status: ExecutionStatus = .running) -> ExecutionRecord {
        var record = ExecutionRecord(
            arn: arn(name, function: function), functionName: function, qualifier: qualifier, executionName: name,
            executionId: "id-\(name)", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:\(function)",
            executedVersion: "$LATEST", startTimestamp: start, inputPayload: #"{"order":42}"#,
            executionTimeoutSeconds: 900, retentionPeriodDays: 14
        )
        record.status = status
        return record
    }

    static func operation(_ id: String, position: Int, sequence: Int, status: OperationStatus = .started,
                          start: Date = t0) -> StoredOperation {
        StoredOperation(
            operation: Operation(id: id, name: "step-\(id)", type: .step, subType: "Step", startTimestamp: start,
                                 status: status, stepDetails: StepDetails(attempt: 1, result: "\"r-\(id)\"")),
            position: position, sequence: sequence, meta: OperationMeta(waitSeconds: position)
        )
    }

    /// Creates the running execution `name` in `store` with its EXECUTION operation and first event.
    static func created(_ name: String, in store: any ExecutionStore) async throws -> (ExecutionRecord, StoredOperation) {
        let record = record(name)
        let exec = operation("exec", position: 0, sequence: 1)
        _ = try await store.createExecution(record, operations: [exec], events: [event(1)], timers: [])
        return (record, exec)
    }

    static func event(_ id: Int, operationId: String? = nil, at date: Date = t0) -> HistoryEvent {
        HistoryEvent(eventType: id == 1 ? .executionStarted : .stepStarted, eventId: id,
                     eventTimestamp: date.addingTimeInterval(Double(id)), id: operationId, name: operationId)
    }
}
