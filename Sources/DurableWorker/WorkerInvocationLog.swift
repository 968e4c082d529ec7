import Durable
import DurableModel
import Foundation
import Synchronization

/// The records one invocation's loggers wrote, kept until the worker sends them to the service.
final class WorkerInvocationLog: Sendable {
    private let entries = Mutex<(records: [ExecutionLogEntry], sealed: Bool)>(([], false))

    /// Keeps `record`, stamped now; records after `seal()` (from a task the invocation left behind) are dropped.
    func record(_ record: DurableLogRecord) {
        var message = record.message
        if message.utf8.count > AppendExecutionLogsRequest.maxMessageBytes {
            // The service refuses longer messages; the start of a huge line beats losing the batch.
            message = String(decoding: message.utf8.prefix(AppendExecutionLogsRequest.maxMessageBytes - 3), as: UTF8.self) + "..."
            while message.utf8.count > AppendExecutionLogsRequest.maxMessageBytes { message.removeLast() }
        }
        let entry = ExecutionLogEntry(timestamp: Date(), level: record.level.rawValue.uppercased(), message: message,
                                      operationId: record.operationId, attempt: record.attempt)
        entries.withLock { if !$0.sealed { $0.records.append(entry) } }
    }

    /// The records so far, in batches the service accepts; later ones are dropped.
    func seal() -> [[ExecutionLogEntry]] {
        let records = entries.withLock { state -> [ExecutionLogEntry] in
            state.sealed = true
            return state.records
        }
        return stride(from: 0, to: records.count, by: AppendExecutionLogsRequest.maxRecords).map {
            Array(records[$0..<min($0 + AppendExecutionLogsRequest.maxRecords, records.count)])
        }
    }
}
