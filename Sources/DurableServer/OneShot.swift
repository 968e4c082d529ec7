import Synchronization

/// A value delivered once, possibly before anyone awaits it; later deliveries are ignored.
final class OneShot<Value: Sendable>: Sendable {
    private struct State {
        var result: Result<Value, any Error>?
        var continuation: CheckedContinuation<Value, any Error>?
    }

    private let state = Mutex(State())

    func fulfill(_ result: Result<Value, any Error>) {
        let waiter = state.withLock { s -> CheckedContinuation<Value, any Error>? in
            guard s.result == nil else { return nil }
            s.result = result
            let c = s.continuation
            s.continuation = nil
            return c
        }
        waiter?.resume(with: result)
    }

    var value: Value {
        get async throws {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Value, any Error>) in
                let ready = state.withLock { s -> Result<Value, any Error>? in
                    if let r = s.result { return r }
                    s.continuation = c
                    return nil
                }
                if let ready { c.resume(with: ready) }
            }
        }
    }
}
