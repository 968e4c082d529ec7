import DurableModel
import Foundation

/// A tiny in-test stand-in for the durable service: applies checkpoint updates to an operations
/// map like the engine does (protocol §4), answers deltas and fresh tokens, hands out callback ids,
/// and lets a test fire timers and complete callbacks between invocations.
actor ScriptedService: CheckpointClient {
    let executionArn: String
    let executionId: String
    private(set) var operations: [Operation] = []
    private(set) var batches: [[OperationUpdate]] = []
    /// The `ClientToken` of every checkpoint call, in order.
    private(set) var clientTokens: [String?] = []
    private var tokenCounter = 0
    private var callbackCounter = 0
    private var clock = Date(timeIntervalSince1970: 1_767_225_600)
    /// When set, each checkpoint call sleeps this long first (so updates pile up behind it).
    var checkpointDelay: Duration?
    /// Errors to throw from the next checkpoint calls, in order.
    var failures: [any Error] = []
    /// Checkpoint calls after which the response carries no token (1-based call numbers).
    var withdrawTokenAtCall: Int?
    /// Whether WAIT START completes at once (as if the timer already fired).
    var completeWaitsImmediately = false
    /// Whether an EXECUTION update closed the execution, and with what payload.
    private(set) var executionResult: String?
    /// The page size the first page of each invocation is cut to (to exercise pagination).
    var firstPageSize = Int.max

    init(input: String?, executionId: String = "exec-1") {
        self.executionId = executionId
        executionArn = "arn:aws:lambda:us-east-1:123456789012:function:test:$LATEST/durable-execution/run/\(executionId)"
        operations = [Operation(
            id: executionId, type: .execution, startTimestamp: clock, status: .started,
            executionDetails: ExecutionDetails(inputPayload: input))]
    }

    // MARK: Test controls

    func setDelay(_ delay: Duration?) { checkpointDelay = delay }
    func setFailures(_ errors: [any Error]) { failures = errors }
    func setWithdrawTokenAtCall(_ call: Int?) { withdrawTokenAtCall = call }
    func setCompleteWaitsImmediately(_ value: Bool) { completeWaitsImmediately = value }
    func setFirstPageSize(_ size: Int) { firstPageSize = size }

    /// Adds a record directly (to simulate a state the SDK left behind).
    func seed(_ operation: Operation) { upsert(operation) }

    /// The event for the next invocation: every operation, a fresh token.
    func nextInvocation() -> InvocationInput {
        tokenCounter += 1
        let first = Array(operations.prefix(firstPageSize))
        let marker = operations.count > firstPageSize ? "\(firstPageSize)" : ""
        return InvocationInput(
            durableExecutionArn: executionArn, checkpointToken: token(tokenCounter),
            initialExecutionState: ExecutionStatePage(operations: first, nextMarker: marker))
    }

    /// Completes elapsed waits and readies pending retries (every timer fires).
    func fireTimers() {
        clock += 3600
        for operation in operations {
            var op = operation
            switch (op.type, op.status) {
            case (.wait, .started):
                op.status = .succeeded
                op.endTimestamp = clock
            case (.step, .pending):
                op.status = .ready
                op.stepDetails?.nextAttemptTimestamp = nil
            default: continue
            }
            upsert(op)
        }
    }

    /// Completes the callback `callbackId` with `result`.
    func succeedCallback(_ callbackId: String, result: String) { finishCallback(callbackId, .succeeded, result: result, error: nil) }
    /// Fails the callback `callbackId`.
    func failCallback(_ callbackId: String, error: ErrorObject) { finishCallback(callbackId, .failed, result: nil, error: error) }
    /// Times the callback out.
    func timeOutCallback(_ callbackId: String) {
        finishCallback(callbackId, .timedOut, result: nil, error: ErrorObject(errorType: "Callback.Timeout", errorMessage: "Callback timed out"))
    }

    /// Completes the chained invoke `id`.
    func finishInvoke(_ id: String, result: String?, error: ErrorObject? = nil) {
        guard var op = operation(id: id) else { return }
        op.status = error == nil ? .succeeded : .failed
        op.chainedInvokeDetails = ChainedInvokeDetails(result: result, error: error)
        op.endTimestamp = clock
        upsert(op)
    }

    func operation(id: String) -> Operation? { operations.first { $0.id == id } }
    func operation(named name: String) -> Operation? { operations.first { $0.name == name } }
    func operations(subType: String) -> [Operation] { operations.filter { $0.subType == subType } }

    // MARK: CheckpointClient

    func checkpoint(executionArn: String, token: String, updates: [OperationUpdate], clientToken: String?) async throws -> CheckpointResponse {
        guard token == self.token(tokenCounter), executionResult == nil else {
            throw DurableServiceError.invalidParameter(DurableServiceError.invalidCheckpointTokenMessage)
        }
        if !failures.isEmpty { throw failures.removeFirst() }
        if let checkpointDelay { try await Task.sleep(for: checkpointDelay) }
        batches.append(updates)
        clientTokens.append(clientToken)
        var touched: [String] = []
        var closes = false
        for update in updates {
            if update.type == .execution {
                executionResult = update.payload
                closes = true
                continue
            }
            apply(update)
            if !touched.contains(update.id) { touched.append(update.id) }
        }
        tokenCounter += 1
        let withdraw = withdrawTokenAtCall == batches.count
        let changed = touched.compactMap { id in operations.first { $0.id == id } }
        return CheckpointResponse(
            checkpointToken: closes || withdraw ? nil : self.token(tokenCounter),
            newExecutionState: ExecutionStatePage(operations: changed))
    }

    func executionState(executionArn: String, token: String, marker: String, maxItems: Int) async throws -> ExecutionStatePage {
        let start = Int(marker) ?? 0
        let end = min(start + maxItems, operations.count)
        return ExecutionStatePage(operations: Array(operations[start..<end]), nextMarker: end < operations.count ? "\(end)" : "")
    }

    // MARK: Applying updates (protocol §4)

    private func token(_ n: Int) -> String { "dG9rZW4\(n)" }

    private func upsert(_ op: Operation) {
        if let index = operations.firstIndex(where: { $0.id == op.id }) { operations[index] = op } else { operations.append(op) }
    }

    private func apply(_ update: OperationUpdate) {
        clock += 1
        var op = operation(id: update.id) ?? Operation(
            id: update.id, parentId: update.parentId, name: update.name, type: update.type, subType: update.subType,
            startTimestamp: clock, status: .started)
        switch (update.type, update.action) {
        case (.step, .start):
            op.status = .started
            if op.stepDetails == nil { op.stepDetails = StepDetails(attempt: 0) }
        case (.step, .succeed):
            op.status = .succeeded
            op.stepDetails = StepDetails(attempt: (op.stepDetails?.attempt ?? 0) + 1, result: update.payload)
            op.endTimestamp = clock
        case (.step, .fail):
            op.status = .failed
            op.stepDetails = StepDetails(attempt: (op.stepDetails?.attempt ?? 0) + 1, error: update.error)
            op.endTimestamp = clock
        case (.step, .retry):
            op.status = .pending
            op.stepDetails = StepDetails(
                attempt: (op.stepDetails?.attempt ?? 0) + 1,
                nextAttemptTimestamp: clock + Double(update.stepOptions?.nextAttemptDelaySeconds ?? 1),
                result: update.payload, error: update.error)
        case (.context, .start):
            op.status = .started
        case (.context, .succeed):
            op.status = .succeeded
            op.contextDetails = ContextDetails(replayChildren: update.contextOptions?.replayChildren, result: update.payload)
            op.endTimestamp = clock
        case (.context, .fail):
            op.status = .failed
            op.contextDetails = ContextDetails(error: update.error)
            op.endTimestamp = clock
        case (.wait, .start):
            op.status = completeWaitsImmediately ? .succeeded : .started
            op.waitDetails = WaitDetails(scheduledEndTimestamp: clock + Double(update.waitOptions?.waitSeconds ?? 0))
        case (.callback, .start):
            callbackCounter += 1
            op.status = .started
            op.callbackDetails = CallbackDetails(callbackId: "Y2Ix\(callbackCounter)")
        case (.chainedInvoke, .start):
            if update.chainedInvokeOptions?.functionName == "missing" {
                op.status = .failed
                op.chainedInvokeDetails = ChainedInvokeDetails(error: ErrorObject(errorType: "ResourceNotFoundException", errorMessage: "Function not found"))
            } else {
                op.status = .started
            }
        default:
            break
        }
        upsert(op)
    }

    private func finishCallback(_ callbackId: String, _ status: OperationStatus, result: String?, error: ErrorObject?) {
        guard var op = operations.first(where: { $0.callbackDetails?.callbackId == callbackId }) else { return }
        op.status = status
        op.callbackDetails = CallbackDetails(callbackId: callbackId, result: result, error: error)
        op.endTimestamp = clock
        upsert(op)
    }
}
