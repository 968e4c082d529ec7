import Synchronization

/// Bounds concurrent work: `wait` suspends while every permit is taken.
final class AsyncSemaphore: Sendable {
    private struct State {
        var permits: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(permits: Int) {
        state = Mutex(State(permits: max(1, permits)))
    }

    func wait() async {
        let ready = state.withLock { s -> Bool in
            if s.permits > 0 { s.permits -= 1; return true }
            return false
        }
        if ready { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let granted = state.withLock { s -> Bool in
                if s.permits > 0 { s.permits -= 1; return true }
                s.waiters.append(c)
                return false
            }
            if granted { c.resume() }
        }
    }

    func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if s.waiters.isEmpty { s.permits += 1; return nil }
            return s.waiters.removeFirst()
        }
        waiter?.resume()
    }

    /// Takes up to `count` free permits without waiting; returns how many it took.
    func acquireAvailable(upTo count: Int) -> Int {
        state.withLock { s in
            let taken = min(max(count, 0), s.permits)
            s.permits -= taken
            return taken
        }
    }

    /// Returns `count` permits at once.
    func signal(count: Int) {
        for _ in 0..<max(count, 0) { signal() }
    }
}
