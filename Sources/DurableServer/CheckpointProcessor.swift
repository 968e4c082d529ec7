import DurableModel
import Foundation

/// Validates a checkpoint batch against the protocol's rules and computes its effects. Pure: no I/O,
/// no clock, no randomness beyond the environment's id minting.
public struct CheckpointProcessor: Sendable {
    /// The world the processor sees.
    public var environment: CheckpointEnvironment

    /// Creates a processor.
    public init(environment: CheckpointEnvironment) {
        self.environment = environment
    }

    /// Validates `updates` against `operations` (by id) of `execution` at `now` and returns their effects.
    public func process(execution: ExecutionRecord, operations: [String: StoredOperation], updates: [OperationUpdate],
                        now: Date) throws(DurableServiceError) -> CheckpointOutcome {
        try process(execution: execution, operations: OperationMap(byId: operations), updates: updates, now: now)
    }

    /// Validates `updates` against `operations` of `execution` at `now` and returns their effects.
    public func process(execution: ExecutionRecord, operations: OperationMap, updates: [OperationUpdate],
                        now: Date) throws(DurableServiceError) -> CheckpointOutcome {
        for update in updates { try Self.validateFields(update) }
        try Self.validateBatch(updates, operations: operations)
        var run = Run(processor: self, execution: execution, working: operations, now: now)
        // One entry per update at most: sized once instead of regrown while a large batch applies.
        run.changed.reserveCapacity(updates.count)
        run.offsets.reserveCapacity(updates.count)
        for update in updates { try run.apply(update) }
        return run.outcome
    }

    // MARK: - Field patterns (model constraints)

    static func validateFields(_ u: OperationUpdate) throws(DurableServiceError) {
        guard Validation.isOperationId(u.id) else {
            throw .invalidParameter("Invalid operation id '\(u.id)': must be 1 to 64 characters matching [a-zA-Z0-9-_].")
        }
        if let parent = u.parentId, !Validation.isOperationId(parent) {
            throw .invalidParameter("Invalid ParentId '\(parent)': must be 1 to 64 characters matching [a-zA-Z0-9-_].")
        }
        if let name = u.name, !Validation.isOperationName(name) {
            throw .invalidParameter("Invalid Name: must be 1 to 256 printable ASCII characters.")
        }
        if let subType = u.subType, !Validation.isSubType(subType) {
            throw .invalidParameter("Invalid SubType '\(subType)': must be 1 to 32 characters matching [a-zA-Z0-9-_].")
        }
        if let payload = u.payload, payload.count > DurableLimits.maxPayloadCharacters {
            throw .invalidParameter("Payload must be at most \(DurableLimits.maxPayloadCharacters) characters.")
        }
        if let seconds = u.waitOptions?.waitSeconds, !(1...DurableLimits.maxDurationSeconds).contains(seconds) {
            throw .invalidParameter("WaitSeconds must be between 1 and \(DurableLimits.maxDurationSeconds).")
        }
        if let delay = u.stepOptions?.nextAttemptDelaySeconds, !(1...DurableLimits.maxDurationSeconds).contains(delay) {
            throw .invalidParameter("NextAttemptDelaySeconds must be between 1 and \(DurableLimits.maxDurationSeconds).")
        }
        if let timeout = u.callbackOptions?.timeoutSeconds, timeout < 0 {
            throw .invalidParameter("TimeoutSeconds must be greater than or equal to 0.")
        }
        if let heartbeat = u.callbackOptions?.heartbeatTimeoutSeconds, heartbeat < 0 {
            throw .invalidParameter("HeartbeatTimeoutSeconds must be greater than or equal to 0.")
        }
        if let tenant = u.chainedInvokeOptions?.tenantId, !Validation.isTenantId(tenant) {
            throw .invalidParameter("TenantId must be 1 to 256 characters matching [a-zA-Z0-9._:/=+-@ ].")
        }
    }

    // MARK: - Batch rules

    static func validateBatch(_ updates: [OperationUpdate], operations: OperationMap) throws(DurableServiceError) {
        var executionUpdates = 0
        for update in updates where update.type == .execution { executionUpdates += 1 }
        if executionUpdates > 1 { throw .invalidParameter("Cannot checkpoint multiple EXECUTION updates.") }
        if executionUpdates == 1, updates.last?.type != .execution {
            throw .invalidParameter("EXECUTION checkpoint must be the last update.")
        }
        // Most batches are a few updates (a step's START and SUCCEED): earlier updates are searched in
        // place; only large batches pay for indexes by id.
        if updates.count <= 16 {
            for index in updates.indices {
                let update = updates[index]
                let last = updates[..<index].lastIndex { $0.id == update.id }.map { (updates[$0].type, updates[$0].action) }
                let parentStart = update.parentId.flatMap { parentId in
                    updates[..<index].lastIndex { $0.id == parentId && $0.action == .start }.map { updates[$0].type }
                }
                try checkInBatch(update, last: last, parentStartedType: parentStart, operations: operations)
            }
            return
        }
        var started: [String: OperationType] = [:]
        var lastSeen: [String: (OperationType, OperationAction)] = [:]
        started.reserveCapacity(updates.count)
        lastSeen.reserveCapacity(updates.count)
        for update in updates {
            try checkInBatch(update, last: lastSeen[update.id], parentStartedType: update.parentId.flatMap { started[$0] },
                             operations: operations)
            if update.action == .start { started[update.id] = update.type }
            lastSeen[update.id] = (update.type, update.action)
        }
    }

    /// One update against the batch before it: `last` is the previous update of its id, and
    /// `parentStartedType` the type of its parent if an earlier update of the batch started it.
    private static func checkInBatch(_ update: OperationUpdate, last: (OperationType, OperationAction)?, parentStartedType: OperationType?,
                                     operations: OperationMap) throws(DurableServiceError) {
        if let (type, action) = last {
            // Only a STEP/CONTEXT START followed by one closing action may share an id in a batch.
            let allowed = (type == .step || type == .context) && action == .start && update.action != .start
            if !allowed { throw .invalidParameter("Cannot checkpoint multiple operations with the same ID.") }
        }
        if let parentId = update.parentId {
            let isContext: Bool
            if let parentStartedType {
                isContext = parentStartedType == .context
            } else if let parent = operations[parentId] {
                isContext = parent.operation.type == .context
            } else {
                isContext = false
            }
            if !isContext { throw .invalidParameter("Invalid parent operation id.") }
        }
    }

    // MARK: - Chained child naming

    /// The deterministic child execution ARN of a durable chained invoke (stable across retries and restarts).
    public func childExecutionArn(parentArn: String, operationId: String, functionName: String, qualifier: String) -> String {
        let digest = StableHash.hex32(parentArn + "/" + operationId)
        let name = String(operationId.prefix(31)) + "-" + digest
        let id = StableHash.hex32(parentArn + "/" + operationId + "/execution")
        return DurableExecutionARN(partition: environment.partition, region: environment.region, accountId: environment.accountId,
                                   functionName: functionName, qualifier: qualifier, executionName: name, executionId: id).description
    }
}

extension CheckpointProcessor {
    /// The working state of one batch.
    struct Run {
        let processor: CheckpointProcessor
        let execution: ExecutionRecord
        /// The operations before the batch, never written: the batch's changes go to `changed`, so a
        /// long history is not copied on every checkpoint.
        let base: OperationMap
        var changed: [String: StoredOperation] = [:]
        let now: Date
        var outcome = CheckpointOutcome()
        /// Where each operation sits in `outcome.operations`, so a large batch is not searched linearly.
        var offsets: [String: Int] = [:]

        init(processor: CheckpointProcessor, execution: ExecutionRecord, working: OperationMap, now: Date) {
            self.processor = processor
            self.execution = execution
            self.base = working
            self.now = now
        }

        mutating func apply(_ u: OperationUpdate) throws(DurableServiceError) {
            let current = changed[u.id] ?? base[u.id]
            if u.type != .execution, let current { try Self.checkMetadata(u, current.operation) }
            if let error = u.error, Self.encodedSize(error) > DurableLimits.maxErrorBytes {
                throw .invalidParameter("Error object size must be less than \(DurableLimits.maxErrorBytes) bytes.")
            }
            switch u.type {
            case .execution: try applyExecution(u)
            case .step: try applyStep(u, current)
            case .context: try applyContext(u, current)
            case .wait: try applyWait(u, current)
            case .callback: try applyCallback(u, current)
            case .chainedInvoke: try applyChainedInvoke(u, current)
            }
        }

        static func checkMetadata(_ u: OperationUpdate, _ op: DurableModel.Operation) throws(DurableServiceError) {
            if u.type != op.type { throw .invalidParameter("Inconsistent operation type.") }
            if let subType = u.subType, subType != op.subType { throw .invalidParameter("Inconsistent operation subtype.") }
            if let name = u.name, name != op.name { throw .invalidParameter("Inconsistent operation name.") }
            if let parent = u.parentId, parent != op.parentId { throw .invalidParameter("Inconsistent parent operation id.") }
        }

        static func encodedSize(_ error: ErrorObject) -> Int {
            (try? DurableJSON.encoder(.seconds).encode(error).count) ?? Int.max
        }

        static func checkExclusive(_ u: OperationUpdate) throws(DurableServiceError) {
            if u.action == .fail, u.payload != nil { throw .invalidParameter("Cannot provide a Payload for FAIL action.") }
            if u.action == .succeed, u.error != nil { throw .invalidParameter("Cannot provide an Error for SUCCEED action.") }
        }

        static let invalidAction = DurableServiceError.invalidParameter("Invalid action for the given operation type.")

        // MARK: Helpers

        func fresh(_ u: OperationUpdate, status: OperationStatus) -> StoredOperation {
            StoredOperation(operation: DurableModel.Operation(id: u.id, parentId: u.parentId, name: u.name, type: u.type, subType: u.subType,
                                                 startTimestamp: now, status: status),
                            position: -1, sequence: 0)
        }

        mutating func store(_ op: StoredOperation) {
            changed[op.id] = op
            if let index = offsets[op.id] {
                outcome.operations[index] = op
            } else {
                offsets[op.id] = outcome.operations.count
                outcome.operations.append(op)
            }
        }

        mutating func emit(_ type: EventType, _ op: DurableModel.Operation, _ details: EventDetails = EventDetails()) {
            outcome.events.append(HistoryEvent.operationEvent(type, op, at: now, details: details))
        }

        func key(_ kind: TimerKind, _ id: String) -> TimerKey {
            TimerKey(executionArn: execution.arn, kind: kind, operationId: id)
        }

        // MARK: EXECUTION

        mutating func applyExecution(_ u: OperationUpdate) throws(DurableServiceError) {
            guard u.action == .succeed || u.action == .fail else { throw Self.invalidAction }
            try Self.checkExclusive(u)
            if execution.parentExecutionArn != nil, let payload = u.payload,
               payload.utf8.count > DurableLimits.maxChainedInvokePayloadBytes {
                throw .invalidParameter("Execution output payload size must be less than or equal to \(DurableLimits.maxChainedInvokePayloadBytes) bytes.")
            }
            // The EXECUTION update is not stored as an operation; it decides how the execution closes.
            outcome.completion = u.action == .succeed ? .succeeded(u.payload) : .failed(u.error)
        }

        // MARK: STEP

        mutating func applyStep(_ u: OperationUpdate, _ current: StoredOperation?) throws(DurableServiceError) {
            let status = current?.operation.status
            switch u.action {
            case .start:
                if let status, status != .ready { throw .invalidParameter("Invalid current STEP state to start.") }
                var op = current ?? fresh(u, status: .started)
                op.operation.status = .started
                // Result survives the START: wait-for-condition reads its polling state from it.
                if var details = op.operation.stepDetails {
                    details.nextAttemptTimestamp = nil
                    op.operation.stepDetails = details
                }
                store(op)
                emit(.stepStarted, op.operation)
            case .succeed, .fail:
                if let status, status != .started, status != .ready { throw .invalidParameter("Invalid current STEP state to close.") }
                try Self.checkExclusive(u)
                var op = current ?? fresh(u, status: .started)
                let attempt = (op.operation.stepDetails?.attempt ?? 0) + 1
                op.operation.status = u.action == .succeed ? .succeeded : .failed
                op.operation.endTimestamp = now
                op.operation.stepDetails = StepDetails(attempt: attempt, result: u.payload, error: u.error)
                store(op)
                // Only a step that was retried can have a retry timer left; a first attempt never armed one.
                if attempt > 1 { outcome.disarmTimers.append(key(.stepRetry, u.id)) }
                if u.action == .succeed {
                    emit(.stepSucceeded, op.operation, EventDetails(result: EventPayload(payload: u.payload),
                                                                    retryDetails: RetryDetails(currentAttempt: attempt)))
                } else {
                    emit(.stepFailed, op.operation, EventDetails(error: EventError(payload: u.error),
                                                                 retryDetails: RetryDetails(currentAttempt: attempt)))
                }
            case .retry:
                if let status, status != .started, status != .ready { throw .invalidParameter("Invalid current STEP state to re-attempt.") }
                guard let delay = u.stepOptions?.nextAttemptDelaySeconds else {
                    throw .invalidParameter("Invalid StepOptions for the given action.")
                }
                if u.error != nil, u.payload != nil { throw .invalidParameter("Cannot provide both error and payload to RETRY a STEP.") }
                var op = current ?? fresh(u, status: .started)
                let attempt = (op.operation.stepDetails?.attempt ?? 0) + 1
                let due = now.addingTimeInterval(TimeInterval(delay))
                op.operation.status = .pending
                op.operation.stepDetails = StepDetails(attempt: attempt, nextAttemptTimestamp: due, result: u.payload, error: u.error)
                store(op)
                outcome.armTimers.append(DurableTimer(key: key(.stepRetry, u.id), dueAt: due))
                let retry = RetryDetails(currentAttempt: attempt, nextAttemptDelaySeconds: delay)
                if let error = u.error {
                    emit(.stepFailed, op.operation, EventDetails(error: EventError(payload: error), retryDetails: retry))
                } else {
                    // A RETRY without an error is a wait-for-condition "keep polling": recorded as a success.
                    emit(.stepSucceeded, op.operation, EventDetails(result: EventPayload(payload: u.payload), retryDetails: retry))
                }
            case .cancel:
                throw Self.invalidAction
            }
        }

        // MARK: CONTEXT

        mutating func applyContext(_ u: OperationUpdate, _ current: StoredOperation?) throws(DurableServiceError) {
            switch u.action {
            case .start:
                if current != nil { throw .invalidParameter("Cannot start a CONTEXT that already exist.") }
                let op = fresh(u, status: .started)
                store(op)
                emit(.contextStarted, op.operation)
            case .succeed, .fail:
                if let status = current?.operation.status, status != .started {
                    throw .invalidParameter("Invalid current CONTEXT state to close.")
                }
                try Self.checkExclusive(u)
                var op = current ?? fresh(u, status: .started)
                op.operation.endTimestamp = now
                if u.action == .succeed {
                    op.operation.status = .succeeded
                    op.operation.contextDetails = ContextDetails(replayChildren: u.contextOptions?.replayChildren, result: u.payload)
                    store(op)
                    emit(.contextSucceeded, op.operation, EventDetails(result: EventPayload(payload: u.payload)))
                } else {
                    op.operation.status = .failed
                    op.operation.contextDetails = ContextDetails(replayChildren: u.contextOptions?.replayChildren, error: u.error)
                    store(op)
                    emit(.contextFailed, op.operation, EventDetails(error: EventError(payload: u.error)))
                }
            case .retry, .cancel:
                throw Self.invalidAction
            }
        }

        // MARK: WAIT

        mutating func applyWait(_ u: OperationUpdate, _ current: StoredOperation?) throws(DurableServiceError) {
            switch u.action {
            case .start:
                if current != nil { throw .invalidParameter("Cannot start a WAIT that already exist.") }
                guard let seconds = u.waitOptions?.waitSeconds else {
                    throw .invalidParameter("Invalid WaitOptions for the given action.")
                }
                let end = now.addingTimeInterval(TimeInterval(seconds))
                var op = fresh(u, status: .started)
                op.operation.waitDetails = WaitDetails(scheduledEndTimestamp: end)
                op.meta.waitSeconds = seconds
                store(op)
                outcome.armTimers.append(DurableTimer(key: key(.waitEnd, u.id), dueAt: end))
                emit(.waitStarted, op.operation, EventDetails(duration: seconds, scheduledEndTimestamp: end))
            case .cancel:
                guard var op = current, op.operation.status == .started else {
                    throw .invalidParameter("Cannot cancel a WAIT that does not exist or has already completed.")
                }
                op.operation.status = .cancelled
                op.operation.endTimestamp = now
                store(op)
                outcome.disarmTimers.append(key(.waitEnd, u.id))
                emit(.waitCancelled, op.operation, EventDetails(error: u.error.map { EventError(payload: $0) }))
            case .succeed, .fail, .retry:
                throw Self.invalidAction
            }
        }

        // MARK: CALLBACK

        mutating func applyCallback(_ u: OperationUpdate, _ current: StoredOperation?) throws(DurableServiceError) {
            guard u.action == .start else { throw .invalidParameter("Invalid action for CALLBACK operation.") }
            if current != nil { throw .invalidParameter("Cannot start a CALLBACK that already exist.") }
            let timeout = u.callbackOptions?.timeoutSeconds ?? 0
            let heartbeat = u.callbackOptions?.heartbeatTimeoutSeconds ?? 0
            let callbackId = processor.environment.makeCallbackId()
            var op = fresh(u, status: .started)
            op.operation.callbackDetails = CallbackDetails(callbackId: callbackId)
            op.meta.callbackTimeoutSeconds = timeout
            op.meta.callbackHeartbeatSeconds = heartbeat
            store(op)
            outcome.callbacks.append(CallbackIndexEntry(callbackId: callbackId, executionArn: execution.arn, operationId: u.id))
            if timeout > 0 {
                outcome.armTimers.append(DurableTimer(key: key(.callbackTimeout, u.id), dueAt: now.addingTimeInterval(TimeInterval(timeout))))
            }
            if heartbeat > 0 {
                outcome.armTimers.append(DurableTimer(key: key(.callbackHeartbeat, u.id), dueAt: now.addingTimeInterval(TimeInterval(heartbeat))))
            }
            emit(.callbackStarted, op.operation, EventDetails(callbackId: callbackId, heartbeatTimeout: heartbeat > 0 ? heartbeat : nil,
                                                              timeout: timeout > 0 ? timeout : nil))
        }

        // MARK: CHAINED_INVOKE

        mutating func applyChainedInvoke(_ u: OperationUpdate, _ current: StoredOperation?) throws(DurableServiceError) {
            guard u.action == .start else { throw Self.invalidAction }
            if current != nil { throw .invalidParameter("Cannot start a CHAINED_INVOKE operation that already exists.") }
            guard let options = u.chainedInvokeOptions else {
                throw .invalidParameter("Invalid ChainedInvokeOptions for the given action.")
            }
            if let payload = u.payload, payload.utf8.count > DurableLimits.maxChainedInvokePayloadBytes {
                throw .invalidParameter("CHAINED_INVOKE input payload size must be less than or equal to \(DurableLimits.maxChainedInvokePayloadBytes) bytes.")
            }
            guard let reference = ChainedFunctionReference(parsing: options.functionName) else {
                throw .invalidParameter("Invalid function ARN '\(options.functionName)'")
            }
            let env = processor.environment
            if let account = reference.accountId, account != env.accountId {
                throw .invalidParameter("Cannot start a CHAINED_INVOKE on a function in another account.")
            }
            if let region = reference.region, region != env.region {
                throw .invalidParameter("Cannot start a CHAINED_INVOKE on a function in another region.")
            }
            guard let target = env.resolveFunction(reference.name, reference.qualifier) else {
                // An unknown target fails the operation in this very response; nothing is dispatched.
                var op = fresh(u, status: .failed)
                op.operation.endTimestamp = now
                let qualifier = reference.qualifier.map { ":" + $0 } ?? ""
                let error = ErrorObject(errorType: "ResourceNotFoundException",
                                        errorMessage: "Function not found: arn:\(env.partition):lambda:\(env.region):\(env.accountId):function:\(reference.name)\(qualifier)")
                op.operation.chainedInvokeDetails = ChainedInvokeDetails(error: error)
                store(op)
                emit(.chainedInvokeFailed, op.operation, EventDetails(error: EventError(payload: error)))
                return
            }
            var op = fresh(u, status: .started)
            op.meta.chainedFunctionName = target.functionName
            var childArn: String?
            var version = "$LATEST"
            if case .durable(let name, let qualifier, let timeout) = target {
                childArn = processor.childExecutionArn(parentArn: execution.arn, operationId: u.id, functionName: name, qualifier: qualifier)
                version = qualifier
                op.meta.chainedChildArn = childArn
                op.meta.chainedTimeoutSeconds = timeout
            } else if case .plain(_, let plainVersion) = target {
                version = plainVersion
            }
            store(op)
            outcome.chainedInvokes.append(ChainedInvokeDispatch(operationId: u.id, target: target, payload: u.payload ?? "{}",
                                                                tenantId: options.tenantId, traceHeader: options.xAmznTraceId,
                                                                childExecutionArn: childArn))
            emit(.chainedInvokeStarted, op.operation, EventDetails(input: EventPayload(payload: u.payload), functionName: options.functionName,
                                                                   tenantId: options.tenantId, executedVersion: version,
                                                                   durableExecutionArn: childArn))
        }
    }
}
