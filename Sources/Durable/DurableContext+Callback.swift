import DurableModel

extension DurableContext {
    /// Creates a callback an external system completes by id; await `result()` for its outcome.
    ///
    /// Never throws for a failed callback: failures surface from `result()`.
    public func createCallback<T: Codable & Sendable>(
        _ name: String? = nil, as type: T.Type = T.self, configuration: CallbackConfiguration<T> = .init()
    ) async throws -> DurableCallback<T> {
        let options = try CallbackOptions(timeout: configuration.timeout, heartbeatTimeout: configuration.heartbeatTimeout)
        let slot = try allocate(.callback, subType: OperationSubType.callback, name: name)
        var record = slot.record
        if record == nil {
            await notifyStart(slot)
            // The service mints the id: wait for the checkpoint answer that carries it.
            try await send(slot.update(.start, callbackOptions: options), wait: true)
            record = state.operation(slot.id)
        }
        guard let callbackId = record?.callbackDetails?.callbackId else {
            throw DurableError(code: .invalidInvocation, message: "The service returned no CallbackId for callback \(slot.id)")
        }
        let serializer = configuration.serializer
        let context = serializationContext(slot)
        let live = slot.record.map { !$0.status.isTerminal } ?? true
        return DurableCallback(id: callbackId) { [state, self] in
            let final = try await state.waitForOperation(slot.id) { $0.status.isTerminal }
            if live { await self.notifyEnd(slot, final.status) }
            return try Self.callbackResult(final, serializer: serializer, context: context)
        }
    }

    /// The value or error of a completed callback record.
    static func callbackResult<T>(_ record: Operation, serializer: any PayloadSerializer<T>, context: SerializationContext) throws -> T {
        switch record.status {
        case .succeeded:
            return try serializer.deserializeChecked(record.callbackDetails?.result, context: context)
        case .timedOut:
            throw DurableError(
                code: .callbackTimedOut,
                errorObject: record.callbackDetails?.error ?? ErrorObject(errorType: "Callback.Timeout", errorMessage: "Callback timed out"))
        default:
            throw DurableError(
                code: .callbackFailed,
                errorObject: record.callbackDetails?.error ?? ErrorObject(errorType: "CallbackError", errorMessage: "Callback \(record.status.rawValue)"))
        }
    }

    /// Creates a callback, runs `submitter` with its id as a step, then suspends until the callback completes.
    ///
    /// Recorded as CONTEXT `WaitForCallback` containing CALLBACK `Callback` then STEP `Step`.
    /// Throws `.callbackTimedOut` for a timed-out callback and `.callbackFailed` for a failed callback or submitter.
    public func waitForCallback<T: Codable & Sendable>(
        _ name: String? = nil, as type: T.Type = T.self, configuration: WaitForCallbackConfiguration<T> = .init(),
        submitter: @escaping @Sendable (String, StepContext) async throws -> Void
    ) async throws -> T {
        let callbackConfiguration = CallbackConfiguration<T>(
            timeout: configuration.timeout, heartbeatTimeout: configuration.heartbeatTimeout, serializer: configuration.serializer)
        _ = try CallbackOptions(timeout: configuration.timeout, heartbeatTimeout: configuration.heartbeatTimeout)
        let slot = try allocate(.context, subType: OperationSubType.waitForCallback, name: name)
        let retryStrategy = configuration.retryStrategy
        return try await runChild(slot, serializer: configuration.serializer, failure: Self.waitForCallbackError) { child in
            let callback = try await child.createCallback(nil, as: T.self, configuration: callbackConfiguration)
            _ = try await child.step(nil, configuration: StepConfiguration<SubmitterResult>(retryStrategy: retryStrategy)) { stepContext in
                try await submitter(callback.id, stepContext)
                return SubmitterResult()
            }
            return try await callback.result()
        }
    }

    /// Rebuilds a wait-for-callback failure from its stored error (same on first run and replay).
    @Sendable static func waitForCallbackError(_ object: ErrorObject) -> DurableError {
        let timedOut = object.errorType == "Callback.Timeout" || object.errorType == "Callback.Heartbeat"
        return DurableError(code: timedOut ? .callbackTimedOut : .callbackFailed, errorObject: object)
    }
}

/// The (empty) result of a wait-for-callback submitter step.
typealias SubmitterResult = DurableVoid

extension CallbackOptions {
    /// Options with only the set timeouts, validated (whole seconds, within 366 days).
    init(timeout: Duration?, heartbeatTimeout: Duration?) throws {
        func seconds(_ duration: Duration?, _ what: String) throws -> Int? {
            guard let duration else { return nil }
            guard let value = duration.wholeSeconds, value >= 1, value <= DurableLimits.maxDurationSeconds else {
                throw DurableError(code: .invalidArgument, message: "A callback \(what) must be whole seconds between 1 and \(DurableLimits.maxDurationSeconds), got \(duration)")
            }
            return value
        }
        self.init(timeoutSeconds: try seconds(timeout, "timeout"), heartbeatTimeoutSeconds: try seconds(heartbeatTimeout, "heartbeat timeout"))
    }
}
