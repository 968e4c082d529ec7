import DurableModel

/// Decides whether a failed step attempt is retried and after how long.
///
/// The closure receives the error and the 1-based number of the attempt that just failed.
public struct RetryStrategy: Sendable {
    private let decide: @Sendable (any Error, Int) -> RetryDecision

    /// Wraps a decision function `(error, attemptsMade) -> decision`.
    public static func custom(_ decide: @escaping @Sendable (any Error, Int) -> RetryDecision) -> RetryStrategy {
        RetryStrategy(decide: decide)
    }

    private init(decide: @escaping @Sendable (any Error, Int) -> RetryDecision) { self.decide = decide }

    /// The decision for `error` after attempt `attempt` (1-based).
    public func decision(for error: any Error, attempt: Int) -> RetryDecision { decide(error, attempt) }

    /// Exponential backoff: delay = `min(initial · rate^(attempt−1), max)`, jittered, rounded up, ≥ 1 s.
    ///
    /// - Parameters:
    ///   - maxAttempts: Total attempts including the first.
    ///   - retryableErrors: Substrings of `ErrorMessage` that make an error retryable.
    ///   - retryableErrorPatterns: Regular expressions searched in `ErrorMessage`.
    ///   - retryableErrorTypes: `ErrorType`s that are retryable.
    ///   - isRetryable: An extra filter; returning false stops retrying whatever the lists say.
    ///   With no list given every error is retryable (protocol §7.3); lists are OR-combined.
    public static func exponential(
        maxAttempts: Int = 3, initialDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(300),
        backoffRate: Double = 2, jitter: Jitter = .full,
        retryableErrors: [String]? = nil, retryableErrorPatterns: [String]? = nil, retryableErrorTypes: [String]? = nil,
        isRetryable: (@Sendable (any Error) -> Bool)? = nil
    ) -> RetryStrategy {
        let filter = ErrorFilter(messages: retryableErrors, patterns: retryableErrorPatterns, types: retryableErrorTypes, predicate: isRetryable)
        return backingOff(maxAttempts: maxAttempts, filter: filter) { attempt in
            Backoff.exponentialDelaySeconds(
                attempt: attempt, initialDelay: initialDelay, maxDelay: maxDelay, backoffRate: backoffRate,
                jitter: jitter, random: Backoff.random())
        }
    }

    /// Linear backoff: delay = `min(initial + increment·(attempt−1), max)`, jittered, rounded up, ≥ 1 s.
    public static func linear(
        maxAttempts: Int = 6, initialDelay: Duration = .seconds(1), increment: Duration = .seconds(1),
        maxDelay: Duration = .seconds(300), jitter: Jitter = .full,
        retryableErrors: [String]? = nil, retryableErrorPatterns: [String]? = nil, retryableErrorTypes: [String]? = nil,
        isRetryable: (@Sendable (any Error) -> Bool)? = nil
    ) -> RetryStrategy {
        let filter = ErrorFilter(messages: retryableErrors, patterns: retryableErrorPatterns, types: retryableErrorTypes, predicate: isRetryable)
        return backingOff(maxAttempts: maxAttempts, filter: filter) { attempt in
            Backoff.linearDelaySeconds(
                attempt: attempt, initialDelay: initialDelay, increment: increment, maxDelay: maxDelay,
                jitter: jitter, random: Backoff.random())
        }
    }

    /// Retries errors `filter` accepts until `maxAttempts`, waiting `delaySeconds(attempt)` between attempts.
    static func backingOff(maxAttempts: Int, filter: ErrorFilter, delaySeconds: @escaping @Sendable (Int) -> Int) -> RetryStrategy {
        RetryStrategy { error, attempt in
            guard attempt < maxAttempts, filter.matches(error) else { return .stop }
            return .retry(after: .seconds(delaySeconds(attempt)))
        }
    }

    /// Never retry.
    public static let none = RetryStrategy { _, _ in .stop }

    /// The step default: 6 attempts, 5 s initial, 60 s max, ×2, full jitter.
    public static let `default` = exponential(maxAttempts: 6, initialDelay: .seconds(5), maxDelay: .seconds(60), backoffRate: 2, jitter: .full)
    /// One attempt only (alias of `none`).
    public static let noRetry = none
    /// 6 attempts, 1, 2, 3, 4, 5 s apart, no jitter.
    public static let linearPreset = linear(maxAttempts: 6, initialDelay: .seconds(1), increment: .seconds(1), maxDelay: .seconds(300), jitter: .none)
    /// 3 attempts, 5 s initial, 5 min max, ×2, half jitter.
    public static let transient = exponential(maxAttempts: 3, initialDelay: .seconds(5), maxDelay: .seconds(300), backoffRate: 2, jitter: .half)
    /// 5 attempts, 5 s initial, 5 min max, ×2, full jitter.
    public static let resourceAvailability = exponential(maxAttempts: 5, initialDelay: .seconds(5), maxDelay: .seconds(300), backoffRate: 2, jitter: .full)
    /// 10 attempts, 1 s initial, 60 s max, ×1.5, no jitter.
    public static let critical = exponential(maxAttempts: 10, initialDelay: .seconds(1), maxDelay: .seconds(60), backoffRate: 1.5, jitter: .none)

    /// 5 attempts at a constant `interval`, no jitter.
    public static func fixed(interval: Duration = .seconds(5), maxAttempts: Int = 5) -> RetryStrategy {
        exponential(maxAttempts: maxAttempts, initialDelay: interval, maxDelay: interval, backoffRate: 1, jitter: .none)
    }
}
