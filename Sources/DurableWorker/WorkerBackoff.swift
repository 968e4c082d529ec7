/// The pause before the next attempt to reach the service: doubling from `initial` up to `maximum`,
/// with jitter so many workers coming back after a restart do not arrive in lockstep.
struct WorkerBackoff: Sendable {
    let initial: Duration
    let maximum: Duration
    private(set) var failures = 0

    init(initial: Duration, maximum: Duration) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// Records a failure and returns how long to wait before trying again.
    mutating func next() -> Duration {
        failures += 1
        var delay = initial
        for _ in 1..<min(failures, 32) where delay < maximum { delay *= 2 }
        delay = min(delay, maximum)
        // Between half and all of the delay.
        return delay * Double.random(in: 0.5...1.0)
    }

    /// Records a success.
    mutating func reset() { failures = 0 }
}
