import DurableModel

extension DurableContext {
    /// Runs `body` once (per retry policy) and checkpoints its result; replays return the stored result.
    @discardableResult
    public func step<T: Codable & Sendable>(
        _ name: String? = nil, configuration: StepConfiguration<T> = .init(),
        _ body: @escaping @Sendable (StepContext) async throws -> T
    ) async throws -> T {
        let slot = try allocate(.step, subType: OperationSubType.step, name: name)
        return try await runStep(slot, configuration: configuration, body)
    }

    /// Runs `body` as a step with the default configuration.
    @discardableResult
    public func step<T: Codable & Sendable>(_ name: String? = nil, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await step(name, configuration: StepConfiguration<T>()) { _ in try await body() }
    }

    /// Runs a step whose body returns nothing (checkpointed as `{}`).
    public func step(
        _ name: String? = nil, configuration: StepConfiguration<DurableVoid> = .init(),
        _ body: @escaping @Sendable (StepContext) async throws -> Void
    ) async throws {
        _ = try await step(name, configuration: configuration) { context -> DurableVoid in
            try await body(context)
            return DurableVoid()
        }
    }

    /// The step state machine (protocol §4.2).
    func runStep<T: Codable & Sendable>(
        _ slot: OperationSlot, configuration: StepConfiguration<T>, _ body: @escaping @Sendable (StepContext) async throws -> T
    ) async throws -> T {
        let serializer = configuration.serializer
        let context = serializationContext(slot)
        var record = slot.record
        let live = record.map { !$0.status.isTerminal } ?? true
        if record == nil { await notifyStart(slot) }
        while true {
            if let current = record, current.status.isTerminal {
                if current.status == .succeeded {
                    return try serializer.deserializeChecked(current.stepDetails?.result, context: context)
                }
                throw DurableError(code: .stepFailed, errorObject: current.stepDetails?.error ?? ErrorObject(errorType: "StepError", errorMessage: "Step \(current.status.rawValue)"))
            }
            if record?.status == .pending {
                // The retry delay has not elapsed: block until the service marks the step READY.
                record = try await state.waitForOperation(slot.id) { $0.status == .ready || $0.status.isTerminal }
                continue
            }
            let attempt = (record?.stepDetails?.attempt ?? 0) + 1
            let interrupted = record?.status == .started
            if interrupted && configuration.semantics == .atMostOncePerRetry {
                // The previous attempt may have had effects: it counts as failed, the body is not rerun.
                let error = DurableError(code: .stepInterrupted, message: "Step attempt \(attempt) was interrupted before it completed")
                record = try await stepFailed(slot, error: error, attempt: attempt, configuration: configuration)
                continue
            }
            if !interrupted {
                // START is legal only for an absent or READY step; an interrupted at-least-once attempt just reruns.
                let start = slot.update(.start)
                if configuration.semantics == .atMostOncePerRetry {
                    try await send(start, wait: true)
                } else {
                    // At least once: the body may run before START is stored, so START waits to share the
                    // result's checkpoint (one commit per step instead of two).
                    if scope.isOrphaned { throw DurableInterrupt.orphaned }
                    try state.enqueueLazily(start)
                }
            }
            let attemptInfo = AttemptInfo(operationId: slot.id, name: slot.name, attempt: attempt, logger: state.plugins.logger)
            if !state.plugins.isEmpty { await state.plugins.callAll { try await $0.attemptStart(attemptInfo) } }
            let text: String?
            let result: T
            do {
                // A lazy START still queued when the body outlasts `ExecutionState.lazyGrace` is sent by the
                // invocation's lazy timer, so a long step shows as started.
                let value = try await body(stepContext(slot, attempt: attempt))
                if !state.plugins.isEmpty { await state.plugins.callAll { try await $0.attemptEnd(attemptInfo, outcome: .succeeded) } }
                text = try serializer.serializeChecked(value, context: context)
                result = value
            } catch {
                if isControlFlow(error) { throw error }
                if !state.plugins.isEmpty { await state.plugins.callAll { try await $0.attemptEnd(attemptInfo, outcome: .failed) } }
                record = try await stepFailed(slot, error: error, attempt: attempt, configuration: configuration)
                continue
            }
            try await send(slot.update(.succeed, payload: text), wait: true)
            if live { await notifyEnd(slot, .succeeded) }
            // Round-trip so the first run sees exactly what replays will see.
            return try serializer.roundTrip(result, text: text, context: context)
        }
    }

    /// Checkpoints RETRY (and waits for READY) or FAIL (and throws) for a failed attempt.
    private func stepFailed<T>(
        _ slot: OperationSlot, error: any Error, attempt: Int, configuration: StepConfiguration<T>
    ) async throws -> Operation {
        let object = ErrorConversion.errorObject(from: error)
        let decision = configuration.retryStrategy.decision(for: error, attempt: attempt)
        if decision.shouldRetry {
            let delay = min(max(decision.delay.ceilSeconds, 1), DurableLimits.maxDurationSeconds)
            try await send(slot.update(.retry, error: object, stepOptions: StepOptions(nextAttemptDelaySeconds: delay)), wait: true)
            return try await state.waitForOperation(slot.id) { $0.status == .ready || $0.status.isTerminal }
        }
        try await send(slot.update(.fail, error: object), wait: true)
        await notifyEnd(slot, .failed)
        throw DurableError(code: .stepFailed, errorObject: object)
    }
}
