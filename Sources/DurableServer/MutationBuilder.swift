import DurableModel
import Foundation

/// Accumulates one engine step's changes to an execution: numbers operations and events, tracks
/// timers, and knows the service-side transitions (timers firing, callbacks, chained results, close).
struct MutationBuilder: Sendable {
    var record: ExecutionRecord
    /// Every operation of the execution, as changed so far.
    var operations: OperationMap
    private(set) var changedIds: [String] = []
    /// The ids in `changedIds`, for a constant-time membership test in large batches.
    private var changedIdSet: Set<String> = []
    private(set) var events: [HistoryEvent] = []
    private(set) var armTimers: [DurableTimer] = []
    private(set) var disarmTimers: [TimerKey] = []
    private(set) var callbacks: [CallbackIndexEntry] = []
    /// Set when the step queued an invocation that the in-memory queue must learn about.
    private(set) var needsEnqueue = false
    /// Set when the step closed the execution.
    private(set) var closed = false
    /// Set when the builder holds a begun invocation's uncommitted changes (`DurableEngine.stagedBegins`).
    var carriesStagedBegin = false

    init(record: ExecutionRecord, operations: OperationMap) {
        self.record = record
        self.operations = operations
    }

    var arn: String { record.arn }

    func key(_ kind: TimerKind, _ operationId: String? = nil) -> TimerKey {
        TimerKey(executionArn: record.arn, kind: kind, operationId: operationId)
    }

    // MARK: Recording

    /// Stores `op`, giving new operations the next start position and every change the next sequence.
    mutating func upsert(_ op: StoredOperation) {
        var op = op
        if let existing = operations[op.id] {
            op.position = existing.position
        } else {
            record.lastPosition += 1
            op.position = record.lastPosition
        }
        record.lastSequence += 1
        op.sequence = record.lastSequence
        operations[op.id] = op
        if changedIdSet.insert(op.id).inserted { changedIds.append(op.id) }
    }

    mutating func append(_ event: HistoryEvent) {
        var event = event
        record.lastEventId += 1
        event.eventId = record.lastEventId
        events.append(event)
    }

    mutating func arm(_ timer: DurableTimer) {
        if disarmTimers.contains(timer.key) { disarmTimers.removeAll { $0 == timer.key } }
        if let index = armTimers.firstIndex(where: { $0.key == timer.key }) { armTimers.remove(at: index) }
        armTimers.append(timer)
    }

    mutating func disarm(_ key: TimerKey) {
        if let index = armTimers.firstIndex(where: { $0.key == key }) { armTimers.remove(at: index) }
        if !disarmTimers.contains(key) { disarmTimers.append(key) }
    }

    mutating func index(_ entry: CallbackIndexEntry) { callbacks.append(entry) }

    /// Merges a checkpoint batch's outcome.
    mutating func apply(_ outcome: CheckpointOutcome) {
        // A map's batch brings hundreds of operations: sized once, not regrown (and recopied) as they land.
        operations.reserveChanges(outcome.operations.count)
        changedIds.reserveCapacity(changedIds.count + outcome.operations.count)
        changedIdSet.reserveCapacity(changedIdSet.count + outcome.operations.count)
        events.reserveCapacity(events.count + outcome.events.count)
        for op in outcome.operations { upsert(op) }
        for event in outcome.events { append(event) }
        for key in outcome.disarmTimers { disarm(key) }
        for timer in outcome.armTimers { arm(timer) }
        for entry in outcome.callbacks { index(entry) }
    }

    /// Operations changed after `sequence`, in start order.
    func operations(changedAfter sequence: Int) -> [DurableModel.Operation] {
        operations.changedInStartOrder(after: sequence)
    }

    /// All operations in start order.
    var ordered: [StoredOperation] { operations.inStartOrder }

    func mutation() -> ExecutionMutation {
        ExecutionMutation(record: record, operations: changedIds.compactMap { operations[$0] }, events: events,
                          armTimers: armTimers, disarmTimers: disarmTimers, callbacks: callbacks)
    }

    // MARK: Invocation gate

    /// Asks for a handler invocation: queued when idle; a running one is re-invoked after it ends
    /// if it did not observe the change (sequence watermark).
    mutating func requestInvocation() {
        guard record.status == .running else { return }
        disarm(key(.invocationRetry))
        if record.invocationPhase == .idle {
            record.invocationPhase = .queued
            needsEnqueue = true
        }
    }

    // MARK: Service transitions

    /// Completes every WAIT whose end has passed and readies every STEP whose retry delay has passed.
    mutating func settleDueOperations(now: Date) {
        // Only open operations can be due, and only the due ones are put in start order: looking at
        // every operation on every checkpoint would make a long history cost more per step.
        let due = operations.openOperations.filter { Self.isDue($0.operation, now: now) }
        for op in due.sorted(by: { $0.position < $1.position }) {
            if op.operation.type == .wait { completeWait(op.id, now: now) } else { readyStep(op.id) }
        }
    }

    /// Whether `op` is a started WAIT whose end has passed or a pending STEP whose retry delay has.
    static func isDue(_ op: DurableModel.Operation, now: Date) -> Bool {
        switch (op.type, op.status) {
        case (.wait, .started):
            if let end = op.waitDetails?.scheduledEndTimestamp { return end <= now }
        case (.step, .pending):
            if let due = op.stepDetails?.nextAttemptTimestamp { return due <= now }
        default:
            break
        }
        return false
    }

    @discardableResult
    mutating func completeWait(_ id: String, now: Date) -> Bool {
        disarm(key(.waitEnd, id))
        guard var op = operations[id], op.operation.type == .wait, op.operation.status == .started else { return false }
        op.operation.status = .succeeded
        op.operation.endTimestamp = now
        upsert(op)
        append(.operationEvent(.waitSucceeded, op.operation, at: now, details: EventDetails(duration: op.meta.waitSeconds)))
        return true
    }

    @discardableResult
    mutating func readyStep(_ id: String) -> Bool {
        disarm(key(.stepRetry, id))
        guard var op = operations[id], op.operation.type == .step, op.operation.status == .pending else { return false }
        // PENDING → READY has no history event.
        op.operation.status = .ready
        op.operation.stepDetails?.nextAttemptTimestamp = nil
        upsert(op)
        return true
    }

    @discardableResult
    mutating func timeOutCallback(_ id: String, heartbeat: Bool, now: Date) -> Bool {
        disarm(key(.callbackTimeout, id))
        disarm(key(.callbackHeartbeat, id))
        guard var op = operations[id], op.operation.type == .callback, op.operation.status == .started else { return false }
        let error = heartbeat
            ? ErrorObject(errorType: "Callback.Heartbeat", errorMessage: "Callback timed out on heartbeat")
            : ErrorObject(errorType: "Callback.Timeout", errorMessage: "Callback timed out")
        op.operation.status = .timedOut
        op.operation.endTimestamp = now
        op.operation.callbackDetails?.error = error
        upsert(op)
        append(.operationEvent(.callbackTimedOut, op.operation, at: now, details: EventDetails(error: EventError(payload: error))))
        return true
    }

    mutating func completeCallback(_ id: String, result: String?, error: ErrorObject?, succeeded: Bool, now: Date) {
        disarm(key(.callbackTimeout, id))
        disarm(key(.callbackHeartbeat, id))
        guard var op = operations[id] else { return }
        op.operation.status = succeeded ? .succeeded : .failed
        op.operation.endTimestamp = now
        if succeeded { op.operation.callbackDetails?.result = result } else { op.operation.callbackDetails?.error = error }
        upsert(op)
        if succeeded {
            append(.operationEvent(.callbackSucceeded, op.operation, at: now, details: EventDetails(result: EventPayload(payload: result))))
        } else {
            append(.operationEvent(.callbackFailed, op.operation, at: now, details: EventDetails(error: EventError(payload: error))))
        }
    }

    @discardableResult
    mutating func completeChained(_ outcome: ChainedOutcome, now: Date) -> Bool {
        guard var op = operations[outcome.operationId], op.operation.type == .chainedInvoke, op.operation.status == .started else {
            return false
        }
        op.operation.status = outcome.status
        op.operation.endTimestamp = now
        op.operation.chainedInvokeDetails = ChainedInvokeDetails(result: outcome.result, error: outcome.error)
        upsert(op)
        let type: EventType
        switch outcome.status {
        case .succeeded: type = .chainedInvokeSucceeded
        case .timedOut: type = .chainedInvokeTimedOut
        case .stopped: type = .chainedInvokeStopped
        default: type = .chainedInvokeFailed
        }
        let details = outcome.status == .succeeded
            ? EventDetails(result: EventPayload(payload: outcome.result))
            : EventDetails(error: EventError(payload: outcome.error))
        append(.operationEvent(type, op.operation, at: now, details: details))
        return true
    }

    /// Closes the execution with `status` and its matching event.
    mutating func close(_ status: ExecutionStatus, result: String? = nil, error: ErrorObject? = nil, now: Date) {
        guard record.status == .running else { return }
        record.status = status
        record.endTimestamp = now
        record.result = status == .succeeded ? result : nil
        record.error = status == .succeeded ? nil : error
        record.purgeAfter = now.addingTimeInterval(TimeInterval(record.retentionPeriodDays) * 86_400)
        record.checkpointToken = nil
        record.checkpointedCompletion = nil
        if record.invocationPhase == .queued { record.invocationPhase = .idle }
        disarm(key(.executionTimeout))
        disarm(key(.invocationRetry))
        if var execution = operations[record.executionId] {
            execution.operation.status = OperationStatus(rawValue: status.rawValue) ?? .failed
            execution.operation.endTimestamp = now
            upsert(execution)
        }
        switch status {
        case .succeeded:
            append(.executionEvent(.executionSucceeded, at: now, details: EventDetails(result: EventPayload(payload: result))))
        case .failed:
            append(.executionEvent(.executionFailed, at: now, details: EventDetails(error: EventError(payload: error))))
        case .timedOut:
            append(.executionEvent(.executionTimedOut, at: now, details: EventDetails(error: EventError(payload: error))))
        case .stopped:
            append(.executionEvent(.executionStopped, at: now, details: EventDetails(error: EventError(payload: error))))
        case .running:
            break
        }
        closed = true
    }
}
