import DurableModel
import Logging

/// The workflow's handle on durable operations.
///
/// Each context numbers its operations in call order (ids are computed synchronously at the call,
/// before any suspension point); concurrent work must go through `map`, `parallel` or
/// `runInChildContext`, which give every concurrent path its own context and counter.
///
/// Suspension: the handler and every branch task count as runnable; an operation that needs the
/// service (a wait, a retry delay, a callback, a chained invoke) blocks its task. When no task is
/// runnable and no checkpoint is in flight, every blocked operation throws an internal signal and
/// the invocation ends with `PENDING`, even if user code catches that signal.
public struct DurableContext: Sendable {
    /// The replay-aware logger: records are dropped while this context replays.
    public var logger: Logger
    /// The execution's ARN.
    public var executionArn: String

    let state: ExecutionState
    let scope: ContextScope
    let baseLogger: Logger
    let replayAwareLogging: Bool

    init(state: ExecutionState, scope: ContextScope, baseLogger: Logger, replayAwareLogging: Bool) {
        self.state = state
        self.scope = scope
        self.baseLogger = baseLogger
        self.replayAwareLogging = replayAwareLogging
        self.executionArn = state.executionArn
        var metadata: Logger.Metadata = ["executionArn": .string(state.executionArn)]
        if let id = scope.operationId { metadata["operationId"] = .string(id) }
        let replaying: @Sendable () -> Bool
        if replayAwareLogging {
            replaying = { state.hasOperation(OperationID.wireId(scope.peekNextLogicalId())) }
        } else {
            replaying = { false }
        }
        self.logger = ReplayAwareLogHandler.logger(base: baseLogger, metadata: metadata, isReplaying: replaying)
    }

    /// Whether the code is re-running past operations: the next operation is already in the log.
    public var isReplaying: Bool {
        state.hasOperation(OperationID.wireId(scope.peekNextLogicalId()))
    }

    // MARK: Internals shared by the operations

    /// The context for the children of the CONTEXT operation `slot`.
    func childContext(for slot: OperationSlot) -> DurableContext {
        DurableContext(
            state: state, scope: ContextScope(logicalId: slot.logicalId, operationId: slot.id, parent: scope),
            baseLogger: baseLogger, replayAwareLogging: replayAwareLogging)
    }

    /// Allocates the next id and checks the recorded operation, if any, against what the code does now.
    func allocate(_ type: OperationType, subType: String, name: String?) throws -> OperationSlot {
        try state.checkActive()
        if scope.isOrphaned { throw DurableInterrupt.orphaned }
        if let name, !Validation.isOperationName(name) {
            throw DurableError(code: .invalidArgument, message: "Operation name must be 1 to 256 printable ASCII characters: '\(name)'")
        }
        let logicalId = scope.nextLogicalId()
        let id = OperationID.wireId(logicalId)
        let record = state.operation(id)
        let slot = OperationSlot(id: id, logicalId: logicalId, parentId: scope.operationId, name: name, type: type, subType: subType, record: record)
        if let record, let mismatch = slot.mismatch(with: record) {
            let error = DurableError(code: .nonDeterministicExecution, message: mismatch)
            state.failNonDeterministic(error)
            throw error
        }
        return slot
    }

    /// Sends `update` for an operation of this context, unless the context is orphaned.
    func send(_ update: OperationUpdate, wait: Bool) async throws {
        if scope.isOrphaned { throw DurableInterrupt.orphaned }
        if wait { try await state.enqueueAndWait(update) } else { try state.enqueue(update) }
    }

    /// Whether `error` is SDK control flow that must unwind rather than be checkpointed.
    func isControlFlow(_ error: any Error) -> Bool {
        if error is DurableInterrupt { return true }
        if let durable = error as? DurableError, durable.code == .nonDeterministicExecution { return true }
        return state.termination != nil
    }

    /// Calls `operationStart` on the plugins.
    func notifyStart(_ slot: OperationSlot) async {
        guard !state.plugins.isEmpty else { return }
        let info = slot.info(logger: state.plugins.logger)
        await state.plugins.callAll { try await $0.operationStart(info) }
    }

    /// Calls `operationEnd` on the plugins.
    func notifyEnd(_ slot: OperationSlot, _ status: OperationStatus) async {
        guard !state.plugins.isEmpty else { return }
        let info = slot.info(logger: state.plugins.logger)
        await state.plugins.callAll { try await $0.operationEnd(info, status: status) }
    }

    /// The serializer context of `slot`.
    func serializationContext(_ slot: OperationSlot) -> SerializationContext {
        SerializationContext(operationId: slot.id, executionArn: executionArn)
    }

    /// A step context for `attempt` of `slot`; its logger never drops records (the body only runs live).
    func stepContext(_ slot: OperationSlot, attempt: Int) -> StepContext {
        let metadata: Logger.Metadata = [
            "executionArn": .string(executionArn), "operationId": .string(slot.id), "attempt": .string(String(attempt)),
        ]
        let logger = ReplayAwareLogHandler.logger(base: baseLogger, metadata: metadata, isReplaying: { false })
        return StepContext(attempt: attempt, logger: logger, operationId: slot.id)
    }
}
