import DurableModel

extension DurableContext {
    /// Suspends the workflow for `duration` (1 s ... 366 days, whole seconds) without holding compute.
    ///
    /// An out-of-range duration throws `.invalidArgument` before anything is checkpointed.
    public func wait(_ name: String? = nil, for duration: Duration) async throws {
        guard let seconds = duration.wholeSeconds, seconds >= 1, seconds <= DurableLimits.maxDurationSeconds else {
            throw DurableError(code: .invalidArgument, message: "A wait must last whole seconds between 1 and \(DurableLimits.maxDurationSeconds), got \(duration)")
        }
        let slot = try allocate(.wait, subType: OperationSubType.wait, name: name)
        var record = slot.record
        if record == nil {
            await notifyStart(slot)
            try await send(slot.update(.start, waitOptions: WaitOptions(waitSeconds: seconds)), wait: true)
            record = state.operation(slot.id)
        }
        if let record, record.status.isTerminal {
            if slot.record == nil { await notifyEnd(slot, record.status) }
            return
        }
        let final = try await state.waitForOperation(slot.id) { $0.status.isTerminal }
        await notifyEnd(slot, final.status)
    }
}
