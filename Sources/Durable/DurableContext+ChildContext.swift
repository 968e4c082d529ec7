import DurableModel

extension DurableContext {
    /// Runs `body` in a child context whose operations are numbered separately, checkpointing its result.
    ///
    /// A failure inside surfaces as `.childContextFailed` carrying the inner error object.
    @discardableResult
    public func runInChildContext<T: Codable & Sendable>(
        _ name: String? = nil, configuration: ChildContextConfiguration<T> = .init(),
        _ body: @escaping @Sendable (DurableContext) async throws -> T
    ) async throws -> T {
        guard Validation.isSubType(configuration.subType) else {
            throw DurableError(code: .invalidArgument, message: "A subtype must be 1 to 32 of [A-Za-z0-9_-]: '\(configuration.subType)'")
        }
        let slot = try allocate(.context, subType: configuration.subType, name: name)
        return try await runChild(slot, serializer: configuration.serializer, failure: { DurableError(code: .childContextFailed, errorObject: $0) }, body)
    }

    /// Runs a child context whose body returns nothing.
    public func runInChildContext(
        _ name: String? = nil, configuration: ChildContextConfiguration<DurableVoid> = .init(),
        _ body: @escaping @Sendable (DurableContext) async throws -> Void
    ) async throws {
        _ = try await runInChildContext(name, configuration: configuration) { context -> DurableVoid in
            try await body(context)
            return DurableVoid()
        }
    }

    /// The CONTEXT state machine (protocol §4.8), shared by child contexts, wait-for-callback and batch items.
    func runChild<T>(
        _ slot: OperationSlot, serializer: any PayloadSerializer<T>, failure: @escaping @Sendable (ErrorObject) -> DurableError,
        _ body: @escaping @Sendable (DurableContext) async throws -> T
    ) async throws -> T {
        try await runChildKeepingText(slot, serializer: serializer, failure: failure, body).value
    }

    /// `runChild`, also returning the result's serialized text (so a batch need not serialize it again).
    /// `startQueued` says the caller has already queued the START (a batch does, so STARTs keep item order).
    func runChildKeepingText<T>(
        _ slot: OperationSlot, serializer: any PayloadSerializer<T>, startQueued: Bool = false,
        failure: @escaping @Sendable (ErrorObject) -> DurableError,
        _ body: @escaping @Sendable (DurableContext) async throws -> T
    ) async throws -> (value: T, text: String?) {
        let context = serializationContext(slot)
        if let record = slot.record {
            switch record.status {
            case .succeeded where record.contextDetails?.replayChildren != true:
                let text = record.contextDetails?.result
                return (try serializer.deserializeChecked(text, context: context), text)
            case .succeeded:
                // The result was too large to store: rebuild it by replaying the children's records.
                let value = try await body(childContext(for: slot))
                let text = try serializer.serializeChecked(value, context: context)
                return (try serializer.roundTrip(value, text: text, context: context), text)
            case .started, .pending, .ready:
                break
            default:
                throw failure(record.contextDetails?.error ?? ErrorObject(errorType: "ChildContextError", errorMessage: "Context \(record.status.rawValue)"))
            }
        } else if !startQueued {
            await notifyStart(slot)
            try await send(slot.update(.start), wait: false)
        }
        let child = childContext(for: slot)
        let text: String?
        let result: T
        do {
            let value = try await body(child)
            try state.checkActive()
            text = try serializer.serializeChecked(value, context: context)
            result = value
        } catch {
            if isControlFlow(error) { throw error }
            let object = ErrorConversion.errorObject(from: error)
            child.scope.close()
            try await send(slot.update(.fail, error: object), wait: true)
            await notifyEnd(slot, .failed)
            throw failure(object)
        }
        child.scope.close()
        if let text, text.utf8.count > DurableLimits.replayChildrenThresholdBytes {
            try await send(slot.update(.succeed, payload: "", contextOptions: ContextOptions(replayChildren: true)), wait: true)
        } else {
            try await send(slot.update(.succeed, payload: text), wait: true)
        }
        await notifyEnd(slot, .succeeded)
        return (try serializer.roundTrip(result, text: text, context: context), text)
    }
}
