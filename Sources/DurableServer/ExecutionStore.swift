import DurableModel
import Foundation

/// Durable storage of executions, operations, history, timers and callback ids.
///
/// Implementations write rows, never whole executions: `commit` updates the execution row under an
/// optimistic version check and inserts/replaces only the operation, event, timer and callback rows
/// the mutation names. The engine serializes work per execution, so a conflict means another process
/// touched the execution.
public protocol ExecutionStore: Sendable {
    /// Stores a new execution with its first rows, or returns the one already using its ARN or (function, name).
    func createExecution(_ record: ExecutionRecord, operations: [StoredOperation], events: [HistoryEvent],
                         timers: [DurableTimer]) async throws -> CreateExecutionOutcome
    /// The execution with this ARN.
    func execution(arn: String) async throws -> ExecutionRecord?
    /// The execution of `functionName` called `executionName`.
    func execution(functionName: String, executionName: String) async throws -> ExecutionRecord?
    /// The execution's operations in start order.
    func operations(executionArn: String) async throws -> [StoredOperation]
    /// The execution's operations by id, for one engine step to read and change.
    func operationMap(executionArn: String) async throws -> OperationMap
    /// The record and operations for one engine step; `verified` asks for the stored version to be
    /// checked rather than trusting a cache (see `ExecutionSnapshot.verified`). Nil for an unknown ARN.
    func snapshot(executionArn: String, verified: Bool) async throws -> ExecutionSnapshot?
    /// The execution's operations changed after `sequence`, in start order.
    func operations(executionArn: String, changedAfter sequence: Int) async throws -> [StoredOperation]
    /// Applies a mutation atomically and returns the stored record (version bumped).
    func commit(_ mutation: ExecutionMutation) async throws -> ExecutionRecord
    /// Up to `limit` events following `eventId` (exclusive) in the given direction; nil starts at the edge.
    func events(executionArn: String, after eventId: Int?, limit: Int, reverse: Bool) async throws -> [HistoryEvent]
    /// One page of a function's executions, ordered by start time then ARN.
    func listExecutions(_ query: ExecutionListQuery) async throws -> ExecutionRecordPage
    /// Up to `limit` timers with `dueAt <= now`, earliest first.
    func dueTimers(at now: Date, limit: Int) async throws -> [DurableTimer]
    /// The execution's armed timers.
    func timers(executionArn: String) async throws -> [DurableTimer]
    /// The earliest armed timer's due date.
    func nextTimerDate() async throws -> Date?
    /// Resolves a callback id.
    func callback(id: String) async throws -> CallbackIndexEntry?
    /// RUNNING executions whose invocation was queued or running (to resume after a crash).
    func executionsAwaitingInvocation() async throws -> [ExecutionRecord]
    /// Deletes closed executions whose retention ended at or before `now`, with their logs; returns how many.
    func purgeClosedExecutions(before now: Date) async throws -> Int
    /// Appends records to the execution's log, after those already stored; throws `executionNotFound` for an unknown ARN.
    func appendLogs(executionArn: String, records: [ExecutionLogRecord]) async throws
    /// Up to `limit` of the execution's log records following the first `offset`, in append order.
    func logs(executionArn: String, after offset: Int, limit: Int) async throws -> [ExecutionLogRecord]
}

extension ExecutionStore {
    /// The execution's operations by id, built from `operations(executionArn:)`; stores with a cache answer from it.
    public func operationMap(executionArn: String) async throws -> OperationMap {
        OperationMap(try await operations(executionArn: executionArn))
    }

    /// The record and then the operations, each read on its own; stores with a cache answer from it.
    public func snapshot(executionArn: String, verified: Bool) async throws -> ExecutionSnapshot? {
        guard let record = try await execution(arn: executionArn) else { return nil }
        return ExecutionSnapshot(record: record, operations: try await operationMap(executionArn: executionArn), verified: true)
    }

    /// The execution's timers, found by scanning every armed timer; stores should answer from an index.
    public func timers(executionArn: String) async throws -> [DurableTimer] {
        try await dueTimers(at: .distantFuture, limit: Int.max).filter { $0.key.executionArn == executionArn }
    }
}
