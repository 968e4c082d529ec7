import DurableModel

extension DurableContext {
    /// Polls `check` durably until `strategy` says stop, returning the final state.
    ///
    /// Each check is an attempt of one STEP `WaitForCondition`; between checks the state is
    /// checkpointed with RETRY and the workflow suspends. A throwing check (or an exhausted
    /// strategy) fails with `.waitForConditionFailed`.
    public func waitForCondition<State: Codable & Sendable>(
        _ name: String? = nil, initialState: State, strategy: WaitStrategy<State>,
        check: @escaping @Sendable (State, StepContext) async throws -> State
    ) async throws -> State {
        let slot = try allocate(.step, subType: OperationSubType.waitForCondition, name: name)
        let serializer = JSONPayloadSerializer<State>()
        let context = serializationContext(slot)
        var record = slot.record
        let live = record.map { !$0.status.isTerminal } ?? true
        if record == nil { await notifyStart(slot) }
        while true {
            if let current = record, current.status.isTerminal {
                if current.status == .succeeded {
                    return try serializer.deserializeChecked(current.stepDetails?.result, context: context)
                }
                throw DurableError(
                    code: .waitForConditionFailed,
                    errorObject: current.stepDetails?.error ?? ErrorObject(errorType: "WaitForConditionError", errorMessage: "Condition \(current.status.rawValue)"))
            }
            if record?.status == .pending {
                record = try await state.waitForOperation(slot.id) { $0.status == .ready || $0.status.isTerminal }
                continue
            }
            let current: State
            if let text = record?.stepDetails?.result {
                current = try serializer.deserializeChecked(text, context: context)
            } else {
                current = initialState
            }
            let attempt = (record?.stepDetails?.attempt ?? 0) + 1
            if record?.status != .started {
                try await send(slot.update(.start), wait: false)
            }
            let decision: WaitDecision
            let text: String?
            do {
                let next = try await check(current, stepContext(slot, attempt: attempt))
                decision = try strategy.decision(for: next, attempt: attempt)
                text = try serializer.serializeChecked(next, context: context)
            } catch {
                if isControlFlow(error) { throw error }
                let object = ErrorConversion.errorObject(from: error)
                try await send(slot.update(.fail, error: object), wait: true)
                await notifyEnd(slot, .failed)
                throw DurableError(code: .waitForConditionFailed, errorObject: object)
            }
            switch decision {
            case .stop:
                try await send(slot.update(.succeed, payload: text), wait: true)
                if live { await notifyEnd(slot, .succeeded) }
                return try serializer.deserializeChecked(text, context: context)
            case .continuePolling(let delay):
                let seconds = min(max(delay.ceilSeconds, 1), DurableLimits.maxDurationSeconds)
                try await send(slot.update(.retry, payload: text, stepOptions: StepOptions(nextAttemptDelaySeconds: seconds)), wait: true)
                record = try await state.waitForOperation(slot.id) { $0.status == .ready || $0.status.isTerminal }
            }
        }
    }
}
