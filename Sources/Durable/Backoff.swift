import DurableModel
import Foundation

/// The delay arithmetic shared by retry and wait strategies (protocol §7.3).
enum Backoff {
    /// `min(initial · rate^(attempt−1), max)` with jitter, rounded up to whole seconds, at least 1 s.
    static func exponentialDelaySeconds(
        attempt: Int, initialDelay: Duration, maxDelay: Duration, backoffRate: Double, jitter: Jitter, random: Double
    ) -> Int {
        let base = initialDelay.durableSeconds * Foundation.pow(backoffRate, Double(max(attempt - 1, 0)))
        return finish(min(base, maxDelay.durableSeconds), jitter: jitter, random: random)
    }

    /// `min(initial + increment·(attempt−1), max)` with jitter, rounded up, at least 1 s.
    static func linearDelaySeconds(
        attempt: Int, initialDelay: Duration, increment: Duration, maxDelay: Duration, jitter: Jitter, random: Double
    ) -> Int {
        let base = initialDelay.durableSeconds + increment.durableSeconds * Double(max(attempt - 1, 0))
        return finish(min(base, maxDelay.durableSeconds), jitter: jitter, random: random)
    }

    /// Jitter, ceil, clamp to 1 s ... 366 days (the wire's range for delays).
    static func finish(_ delay: Double, jitter: Jitter, random: Double) -> Int {
        let jittered = jitter.apply(to: delay, random: random)
        let limit = Double(DurableLimits.maxDurationSeconds)
        let rounded = jittered.isFinite ? jittered.rounded(.up) : limit
        return Int(min(max(rounded, 1), limit))
    }

    /// A uniformly random number in `0..<1`.
    static func random() -> Double { Double.random(in: 0..<1) }
}
