import DurableModel
import Foundation
import Synchronization

/// An `ExecutionStore` in process memory, for tests and single-process development.
public final class InMemoryExecutionStore: ExecutionStore, Sendable {
    private struct Execution {
        var record: ExecutionRecord
        /// Operations in start (position) order, and where each id sits, so reads need no sort.
        var operations: [StoredOperation] = []
        var offsets: [String: Int] = [:]
        var events: [HistoryEvent] = []
        var logs: [ExecutionLogRecord] = []
        /// The operations indexed for engine steps, built on the first step that asks.
        var index: OperationIndex?
        /// Committed operations not yet in `index`. They are merged on the next read, when the engine
        /// step that shared `index` has ended, so the merge does not copy the whole index.
        var unindexed: [StoredOperation] = []

        mutating func upsert(_ op: StoredOperation) {
            if index != nil { unindexed.append(op) }
            if let offset = offsets[op.id] {
                operations[offset] = op
                return
            }
            offsets[op.id] = operations.count
            operations.append(op)
            if operations.count > 1, operations[operations.count - 2].position > op.position {
                // Positions only grow in practice; a caller writing out of order still reads back in order.
                operations.sort { ($0.position, $0.id) < ($1.position, $1.id) }
                for (offset, op) in operations.enumerated() { offsets[op.id] = offset }
            }
        }

        /// The up-to-date index, built or caught up as needed.
        mutating func takeIndex() -> OperationIndex {
            var current = index ?? OperationIndex(operations)
            index = nil
            current.upsert(contentsOf: unindexed)
            unindexed.removeAll()
            index = current
            return current
        }
    }

    private struct State {
        var executions: [String: Execution] = [:]
        var names: [String: String] = [:]
        var timers: [TimerKey: DurableTimer] = [:]
        var callbacks: [String: CallbackIndexEntry] = [:]
    }

    private let state = Mutex(State())
    let functionTables = InMemoryFunctionTables()

    /// Creates an empty store.
    public init() {}

    private static func nameKey(_ function: String, _ name: String) -> String { function + "\u{0}" + name }

    /// Stores a new execution unless its ARN or (function, name) is taken.
    public func createExecution(_ record: ExecutionRecord, operations: [StoredOperation], events: [HistoryEvent],
                                timers: [DurableTimer]) async throws -> CreateExecutionOutcome {
        state.withLock { state in
            if let existing = state.executions[record.arn] { return .existing(existing.record) }
            let key = Self.nameKey(record.functionName, record.executionName)
            if let arn = state.names[key], let existing = state.executions[arn] { return .existing(existing.record) }
            var execution = Execution(record: record)
            for op in operations { execution.upsert(op) }
            execution.events = events
            state.executions[record.arn] = execution
            state.names[key] = record.arn
            for timer in timers { state.timers[timer.key] = timer }
            return .created(record)
        }
    }

    /// The execution with this ARN.
    public func execution(arn: String) async throws -> ExecutionRecord? {
        state.withLock { $0.executions[arn]?.record }
    }

    /// The execution of `functionName` called `executionName`.
    public func execution(functionName: String, executionName: String) async throws -> ExecutionRecord? {
        state.withLock { state in
            state.names[Self.nameKey(functionName, executionName)].flatMap { state.executions[$0]?.record }
        }
    }

    /// The execution's operations in start order.
    public func operations(executionArn: String) async throws -> [StoredOperation] {
        try await operations(executionArn: executionArn, changedAfter: Int.min)
    }

    /// The execution's operations by id, from the index kept for engine steps.
    public func operationMap(executionArn: String) async throws -> OperationMap {
        state.withLock { state in
            guard var execution = state.executions.removeValue(forKey: executionArn) else { return OperationMap([]) }
            let index = execution.takeIndex()
            state.executions[executionArn] = execution
            return OperationMap(index: index)
        }
    }

    /// The record and operations in one look; memory is the source of truth, so always verified.
    public func snapshot(executionArn: String, verified: Bool) async throws -> ExecutionSnapshot? {
        state.withLock { state in
            guard var execution = state.executions.removeValue(forKey: executionArn) else { return nil }
            let index = execution.takeIndex()
            state.executions[executionArn] = execution
            return ExecutionSnapshot(record: execution.record, operations: OperationMap(index: index), verified: true)
        }
    }

    /// The execution's operations changed after `sequence`, in start order.
    public func operations(executionArn: String, changedAfter sequence: Int) async throws -> [StoredOperation] {
        state.withLock { state in
            guard let operations = state.executions[executionArn]?.operations else { return [] }
            return sequence == Int.min ? operations : operations.filter { $0.sequence > sequence }
        }
    }

    /// Applies a mutation under the version check.
    public func commit(_ mutation: ExecutionMutation) async throws -> ExecutionRecord {
        let arn = mutation.record.arn
        return try state.withLock { state throws(ExecutionStoreError) -> ExecutionRecord in
            // Only the two values are read: a copy of the stored execution kept alive here would share its
            // arrays, and appending below would then copy the whole history on every commit.
            guard let version = state.executions[arn]?.record.version else { throw .executionNotFound(arn: arn) }
            guard version == mutation.record.version else {
                throw .versionConflict(arn: arn, expected: mutation.record.version, actual: version)
            }
            var next = (state.executions[arn]?.events.last?.eventId ?? 0) + 1
            for event in mutation.events {
                guard event.eventId == next else { throw .eventIdGap(arn: arn, expected: next, got: event.eventId) }
                next += 1
            }
            var record = mutation.record
            record.version += 1
            // Taken out of the dictionary while it changes, so its arrays are not copied on every commit.
            var execution = state.executions.removeValue(forKey: arn)!
            execution.record = record
            for op in mutation.operations { execution.upsert(op) }
            execution.events.append(contentsOf: mutation.events)
            state.executions[arn] = execution
            for key in mutation.disarmTimers { state.timers.removeValue(forKey: key) }
            for timer in mutation.armTimers { state.timers[timer.key] = timer }
            for entry in mutation.callbacks { state.callbacks[entry.callbackId] = entry }
            return record
        }
    }

    /// Events following `eventId` in the given direction.
    public func events(executionArn: String, after eventId: Int?, limit: Int, reverse: Bool) async throws -> [HistoryEvent] {
        state.withLock { state in
            let all = state.executions[executionArn]?.events ?? []
            if reverse {
                let bound = eventId ?? Int.max
                return Array(all.reversed().filter { $0.eventId < bound }.prefix(limit))
            }
            let bound = eventId ?? 0
            return Array(all.filter { $0.eventId > bound }.prefix(limit))
        }
    }

    /// One page of a function's executions.
    public func listExecutions(_ query: ExecutionListQuery) async throws -> ExecutionRecordPage {
        let cursor: ExecutionListMarker?
        if let marker = query.marker, !marker.isEmpty {
            guard let decoded = ExecutionListMarker(marker: marker) else { throw DurableServiceError.invalidParameter("Invalid marker") }
            cursor = decoded
        } else {
            cursor = nil
        }
        return state.withLock { state in
            var rows = state.executions.values.map(\.record).filter { r in
                r.functionName == query.functionName
                    && (query.qualifier.map { $0 == r.qualifier } ?? true)
                    && (query.executionName.map { $0 == r.executionName } ?? true)
                    && (query.statuses.isEmpty || query.statuses.contains(r.status))
                    && (query.startedAfter.map { r.startTimestamp > $0 } ?? true)
                    && (query.startedBefore.map { r.startTimestamp < $0 } ?? true)
            }
            rows.sort { ExecutionListMarker(record: $0) < ExecutionListMarker(record: $1) }
            if query.reverseOrder { rows.reverse() }
            if let cursor {
                rows = rows.filter { query.reverseOrder ? ExecutionListMarker(record: $0) < cursor : cursor < ExecutionListMarker(record: $0) }
            }
            let page = Array(rows.prefix(query.pageSize))
            let next = rows.count > page.count ? page.last.map { ExecutionListMarker(record: $0).marker } : nil
            return ExecutionRecordPage(records: page, nextMarker: next)
        }
    }

    /// Timers due at `now`, earliest first.
    public func dueTimers(at now: Date, limit: Int) async throws -> [DurableTimer] {
        state.withLock { state in
            Array(state.timers.values.filter { $0.dueAt <= now }.sorted { $0.dueAt < $1.dueAt }.prefix(limit))
        }
    }

    /// The execution's armed timers, earliest first.
    public func timers(executionArn: String) async throws -> [DurableTimer] {
        state.withLock { state in
            state.timers.values.filter { $0.key.executionArn == executionArn }.sorted { $0.dueAt < $1.dueAt }
        }
    }

    /// The earliest armed timer's due date.
    public func nextTimerDate() async throws -> Date? {
        state.withLock { $0.timers.values.map(\.dueAt).min() }
    }

    /// Resolves a callback id.
    public func callback(id: String) async throws -> CallbackIndexEntry? {
        state.withLock { $0.callbacks[id] }
    }

    /// RUNNING executions with a queued or running invocation.
    public func executionsAwaitingInvocation() async throws -> [ExecutionRecord] {
        state.withLock { state in
            state.executions.values.map(\.record)
                .filter { $0.status == .running && $0.invocationPhase != .idle }
                .sorted { $0.startTimestamp < $1.startTimestamp }
        }
    }

    /// Deletes closed executions past retention.
    public func purgeClosedExecutions(before now: Date) async throws -> Int {
        state.withLock { state in
            let doomed = state.executions.values.map(\.record).filter { r in
                r.status.isTerminal && (r.purgeAfter.map { $0 <= now } ?? false)
            }
            for record in doomed {
                state.executions.removeValue(forKey: record.arn)
                state.names.removeValue(forKey: Self.nameKey(record.functionName, record.executionName))
                state.timers = state.timers.filter { $0.key.executionArn != record.arn }
                state.callbacks = state.callbacks.filter { $0.value.executionArn != record.arn }
            }
            return doomed.count
        }
    }

    /// Appends records to the execution's log.
    public func appendLogs(executionArn: String, records: [ExecutionLogRecord]) async throws {
        try state.withLock { state throws(ExecutionStoreError) in
            guard state.executions[executionArn] != nil else { throw .executionNotFound(arn: executionArn) }
            state.executions[executionArn]?.logs.append(contentsOf: records.map { record in
                var stored = record
                stored.executionArn = executionArn
                return stored
            })
        }
    }

    /// Up to `limit` log records following the first `offset`, in append order.
    public func logs(executionArn: String, after offset: Int, limit: Int) async throws -> [ExecutionLogRecord] {
        state.withLock { state in
            let all = state.executions[executionArn]?.logs ?? []
            guard offset >= 0, limit > 0, offset < all.count else { return [] }
            return Array(all[offset...].prefix(limit))
        }
    }
}
