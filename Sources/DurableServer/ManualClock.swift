import Foundation
import Synchronization

/// A clock that only moves when told to; sleepers wake when time passes their deadline.
public final class ManualClock: DurableClock, Sendable {
    /// 2026-01-01T00:00:00Z, the instant every manual clock starts at unless told otherwise.
    public static let defaultStart = Date(timeIntervalSince1970: 1_767_225_600)

    private struct Sleeper {
        var deadline: Date
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Date
        var nextSleeperId = 0
        var sleepers: [Int: Sleeper] = [:]
    }

    private let state: Mutex<State>

    /// Creates a clock standing at `start`.
    public init(start: Date = ManualClock.defaultStart) {
        state = Mutex(State(now: start))
    }

    /// The clock's current instant.
    public func now() -> Date { state.withLock { $0.now } }

    /// Suspends until the clock is advanced to or past `deadline`.
    public func sleep(until deadline: Date) async throws {
        let id = state.withLock { state -> Int? in
            guard deadline > state.now else { return nil }
            state.nextSleeperId += 1
            return state.nextSleeperId
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Bool = state.withLock { state in
                    // Time may have moved or the task been cancelled between the check and here.
                    if deadline <= state.now || Task.isCancelled { return true }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if resumeNow {
                    if Task.isCancelled { continuation.resume(throwing: CancellationError()) } else { continuation.resume() }
                }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward by `duration`.
    public func advance(by duration: Duration) {
        let c = duration.components
        let seconds = Double(c.seconds) + Double(c.attoseconds) / 1e18
        let target = now().addingTimeInterval(seconds)
        advance(to: target)
    }

    /// Moves the clock to `date`; moving backwards is ignored because time never rewinds.
    public func advance(to date: Date) {
        let due: [Sleeper] = state.withLock { state in
            guard date > state.now else { return [] }
            state.now = date
            let ready = state.sleepers.filter { $0.value.deadline <= date }
            for key in ready.keys { state.sleepers.removeValue(forKey: key) }
            return Array(ready.values)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// The earliest deadline anyone is sleeping until, if any.
    public var nextSleeperDeadline: Date? {
        state.withLock { $0.sleepers.values.map(\.deadline).min() }
    }
}
