import DurableModel
@testable import DurableServer
import Foundation
import Synchronization

/// An in-memory store that counts commits and can refuse the next one, to see which engine steps
/// write and what a failed write leaves behind.
final class CommitCountingStore: ExecutionStore {
    struct CommitRefused: Error {}

    let inner = InMemoryExecutionStore()
    private let state = Mutex((commits: 0, refuseNext: false))

    /// Commits that reached the store (refused ones included).
    var commits: Int { state.withLock { $0.commits } }

    /// Makes the next commit throw `CommitRefused` without storing anything.
    func refuseNextCommit() { state.withLock { $0.refuseNext = true } }

    func commit(_ mutation: ExecutionMutation) async throws -> ExecutionRecord {
        let refuse = state.withLock { state -> Bool in
            state.commits += 1
            defer { state.refuseNext = false }
            return state.refuseNext
        }
        if refuse { throw CommitRefused() }
        return try await inner.commit(mutation)
    }

    func createExecution(_ record: ExecutionRecord, operations: [StoredOperation], events: [HistoryEvent],
                         timers: [DurableTimer]) async throws -> CreateExecutionOutcome {
        try await inner.createExecution(record, operations: operations, events: events, timers: timers)
    }
    func execution(arn: String) async throws -> ExecutionRecord? { try await inner.execution(arn: arn) }
    func execution(functionName: String, executionName: String) async throws -> ExecutionRecord? {
        try await inner.execution(functionName: functionName, executionName: executionName)
    }
    func operations(executionArn: String) async throws -> [StoredOperation] { try await inner.operations(executionArn: executionArn) }
    func operationMap(executionArn: String) async throws -> OperationMap { try await inner.operationMap(executionArn: executionArn) }
    func snapshot(executionArn: String, verified: Bool) async throws -> ExecutionSnapshot? {
        try await inner.snapshot(executionArn: executionArn, verified: verified)
    }
    func operations(executionArn: String, changedAfter sequence: Int) async throws -> [StoredOperation] {
        try await inner.operations(executionArn: executionArn, changedAfter: sequence)
    }
    func events(executionArn: String, after eventId: Int?, limit: Int, reverse: Bool) async throws -> [HistoryEvent] {
        try await inner.events(executionArn: executionArn, after: eventId, limit: limit, reverse: reverse)
    }
    func listExecutions(_ query: ExecutionListQuery) async throws -> ExecutionRecordPage { try await inner.listExecutions(query) }
    func dueTimers(at now: Date, limit: Int) async throws -> [DurableTimer] { try await inner.dueTimers(at: now, limit: limit) }
    func timers(executionArn: String) async throws -> [DurableTimer] { try await inner.timers(executionArn: executionArn) }
    func nextTimerDate() async throws -> Date? { try await inner.nextTimerDate() }
    func callback(id: String) async throws -> CallbackIndexEntry? { try await inner.callback(id: id) }
    func executionsAwaitingInvocation() async throws -> [ExecutionRecord] { try await inner.executionsAwaitingInvocation() }
    func purgeClosedExecutions(before now: Date) async throws -> Int { try await inner.purgeClosedExecutions(before: now) }
    func appendLogs(executionArn: String, records: [ExecutionLogRecord]) async throws {
        try await inner.appendLogs(executionArn: executionArn, records: records)
    }
    func logs(executionArn: String, after offset: Int, limit: Int) async throws -> [ExecutionLogRecord] {
        try await inner.logs(executionArn: executionArn, after: offset, limit: limit)
    }
}
