@testable import Durable
import DurableModel
import Testing

@Suite("Retry and wait strategy arithmetic")
struct StrategyTests {
    @Test("Exponential delays: initial · rate^(n−1), capped, ceil, at least 1 s")
    func exponential() {
        let delays = (1...6).map {
            Backoff.exponentialDelaySeconds(attempt: $0, initialDelay: .seconds(5), maxDelay: .seconds(60), backoffRate: 2, jitter: .none, random: 0.5)
        }
        #expect(delays == [5, 10, 20, 40, 60, 60])
        #expect(Backoff.exponentialDelaySeconds(attempt: 2, initialDelay: .milliseconds(300), maxDelay: .seconds(10), backoffRate: 1.5, jitter: .none, random: 0) == 1)
        #expect(Backoff.exponentialDelaySeconds(attempt: 3, initialDelay: .seconds(1), maxDelay: .seconds(60), backoffRate: 1.5, jitter: .none, random: 0) == 3)
    }

    @Test("Jitter: full scales by random, half keeps at least half")
    func jitter() {
        #expect(Backoff.finish(10, jitter: .full, random: 0.25) == 3)
        #expect(Backoff.finish(10, jitter: .full, random: 0) == 1)
        #expect(Backoff.finish(10, jitter: .half, random: 0) == 5)
        #expect(Backoff.finish(10, jitter: .half, random: 0.99) == 10)
        #expect(Backoff.finish(1e12, jitter: .none, random: 0) == DurableLimits.maxDurationSeconds)
    }

    @Test("Linear delays")
    func linear() {
        let delays = (1...5).map {
            Backoff.linearDelaySeconds(attempt: $0, initialDelay: .seconds(1), increment: .seconds(1), maxDelay: .seconds(300), jitter: .none, random: 0)
        }
        #expect(delays == [1, 2, 3, 4, 5])
    }

    @Test("maxAttempts counts the first attempt")
    func maxAttempts() {
        let strategy = RetryStrategy.exponential(maxAttempts: 3, initialDelay: .seconds(2), jitter: .none)
        let error = ScriptedFailure(message: "x")
        #expect(strategy.decision(for: error, attempt: 1) == .retry(after: .seconds(2)))
        #expect(strategy.decision(for: error, attempt: 2) == .retry(after: .seconds(4)))
        #expect(strategy.decision(for: error, attempt: 3).shouldRetry == false)
        #expect(RetryStrategy.none.decision(for: error, attempt: 1).shouldRetry == false)
        #expect(RetryStrategy.default.decision(for: error, attempt: 5).shouldRetry)
        #expect(!RetryStrategy.default.decision(for: error, attempt: 6).shouldRetry)
        #expect(RetryStrategy.critical.decision(for: error, attempt: 2) == .retry(after: .seconds(2)))
        #expect(RetryStrategy.fixed(interval: .seconds(7)).decision(for: error, attempt: 4) == .retry(after: .seconds(7)))
        #expect(!RetryStrategy.fixed(interval: .seconds(7)).decision(for: error, attempt: 5).shouldRetry)
        #expect(RetryStrategy.linearPreset.decision(for: error, attempt: 3) == .retry(after: .seconds(3)))
    }

    @Test("Retryable-error filters: message substrings, patterns and types are OR-combined")
    func filters() {
        let strategy = RetryStrategy.exponential(
            retryableErrors: ["timeout"], retryableErrorPatterns: ["^rate limit [0-9]+$"], retryableErrorTypes: ["Throttled"])
        #expect(strategy.decision(for: ScriptedFailure(message: "socket timeout"), attempt: 1).shouldRetry)
        #expect(strategy.decision(for: ScriptedFailure(message: "rate limit 42"), attempt: 1).shouldRetry)
        #expect(strategy.decision(for: ErrorObject(errorType: "Throttled", errorMessage: "slow down"), attempt: 1).shouldRetry)
        #expect(!strategy.decision(for: ScriptedFailure(message: "bad input"), attempt: 1).shouldRetry)
        let guarded = RetryStrategy.exponential(isRetryable: { !($0 is DurableError) })
        #expect(!guarded.decision(for: DurableError(code: .invalidArgument, message: "no"), attempt: 1).shouldRetry)
    }

    @Test("Wait strategy: stop wins, exhaustion throws waitForConditionFailed")
    func waitStrategy() throws {
        let strategy = WaitStrategy<Int>.exponential(maxAttempts: 3, initialDelay: .seconds(4), backoffRate: 1.5, jitter: .none) { $0 < 10 }
        #expect(try strategy.decision(for: 1, attempt: 1) == .continuePolling(after: .seconds(4)))
        #expect(try strategy.decision(for: 1, attempt: 2) == .continuePolling(after: .seconds(6)))
        #expect(try strategy.decision(for: 10, attempt: 3) == .stop)
        #expect { try strategy.decision(for: 1, attempt: 3) } throws: { ($0 as? DurableError)?.code == .waitForConditionFailed }
        let custom = WaitStrategy<String>.custom { state, _ in state == "done" ? .stop : .continuePolling(after: .seconds(9)) }
        #expect(try custom.decision(for: "x", attempt: 1) == .continuePolling(after: .seconds(9)))
    }

    @Test("Duration helpers")
    func durations() {
        #expect(Duration.minutes(2) == .seconds(120))
        #expect(Duration.hours(1) == .seconds(3600))
        #expect(Duration.days(366).wholeSeconds == DurableLimits.maxDurationSeconds)
        #expect(Duration.milliseconds(1500).wholeSeconds == nil)
        #expect(Duration.milliseconds(1500).ceilSeconds == 2)
    }
}
