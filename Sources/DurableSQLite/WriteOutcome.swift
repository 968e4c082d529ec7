import Synchronization

/// The outcome of a write queued with `GroupCommitWriter.submit`, delivered once and awaited once.
final class WriteOutcome: Sendable {
    private struct State {
        var result: Result<any Sendable, any Error>?
        var waiter: CheckedContinuation<Result<any Sendable, any Error>, Never>?
    }

    private let state = Mutex(State())

    /// Records the outcome and wakes the waiter, if it is already waiting.
    @Sendable func deliver(_ result: Result<any Sendable, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<Result<any Sendable, any Error>, Never>? in
            state.result = result
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: result)
    }

    /// The outcome, once delivered.
    var value: Result<any Sendable, any Error> {
        get async {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> Result<any Sendable, any Error>? in
                    if let result = state.result { return result }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        }
    }
}
