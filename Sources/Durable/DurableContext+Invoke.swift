import DurableModel

extension DurableContext {
    /// Invokes another function (durable or not) and suspends until it finishes.
    ///
    /// Throws `.invokeFailed` carrying the stored error when it fails, times out or is stopped.
    /// The input and result travel as JSON unless serializers are given.
    public func invoke<Input: Codable & Sendable, Output: Codable & Sendable>(
        _ name: String? = nil, function functionName: String, input: Input, as output: Output.Type = Output.self, tenantId: String? = nil,
        payloadSerializer: (any PayloadSerializer<Input>)? = nil, resultSerializer: (any PayloadSerializer<Output>)? = nil
    ) async throws -> Output {
        let slot = try allocate(.chainedInvoke, subType: OperationSubType.chainedInvoke, name: name)
        let context = serializationContext(slot)
        let serializer: any PayloadSerializer<Output> = resultSerializer ?? JSONPayloadSerializer<Output>()
        var record = slot.record
        if record == nil {
            await notifyStart(slot)
            let payload = try (payloadSerializer ?? JSONPayloadSerializer<Input>()).serializeChecked(input, context: context)
            let options = ChainedInvokeOptions(functionName: functionName, tenantId: tenantId)
            try await send(slot.update(.start, payload: payload, chainedInvokeOptions: options), wait: true)
            record = state.operation(slot.id)
        }
        let final: Operation
        if let record, record.status.isTerminal {
            final = record
        } else {
            final = try await state.waitForOperation(slot.id) { $0.status.isTerminal }
        }
        if slot.record.map({ !$0.status.isTerminal }) ?? true { await notifyEnd(slot, final.status) }
        guard final.status == .succeeded else {
            throw DurableError(
                code: .invokeFailed,
                errorObject: final.chainedInvokeDetails?.error ?? ErrorObject(errorType: "InvokeError", errorMessage: "Invoke \(final.status.rawValue)"))
        }
        return try serializer.deserializeChecked(final.chainedInvokeDetails?.result, context: context)
    }
}
