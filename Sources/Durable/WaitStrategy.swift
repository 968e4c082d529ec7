/// Decides, from the latest state of a `waitForCondition`, whether to poll again and when.
public struct WaitStrategy<State>: Sendable {
    private let decide: @Sendable (State, Int) throws -> WaitDecision

    private init(decide: @escaping @Sendable (State, Int) throws -> WaitDecision) { self.decide = decide }

    /// The decision after check number `attempt` (1-based) produced `state`.
    public func decision(for state: State, attempt: Int) throws -> WaitDecision { try decide(state, attempt) }

    /// A custom decision function `(state, attempt) -> decision`.
    public static func custom(_ decide: @escaping @Sendable (State, Int) -> WaitDecision) -> WaitStrategy {
        WaitStrategy { state, attempt in decide(state, attempt) }
    }

    /// Exponential polling; the condition being met wins over exhaustion, exceeding
    /// `maxAttempts` fails the operation with `.waitForConditionFailed`.
    public static func exponential(
        maxAttempts: Int = 60, initialDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(300),
        backoffRate: Double = 1.5, jitter: Jitter = .full,
        shouldContinuePolling: @escaping @Sendable (State) -> Bool
    ) -> WaitStrategy {
        WaitStrategy { state, attempt in
            guard shouldContinuePolling(state) else { return .stop }
            guard attempt < maxAttempts else {
                throw DurableError(code: .waitForConditionFailed, message: "Condition not met after \(maxAttempts) attempts")
            }
            let seconds = Backoff.exponentialDelaySeconds(
                attempt: attempt, initialDelay: initialDelay, maxDelay: maxDelay, backoffRate: backoffRate,
                jitter: jitter, random: Backoff.random())
            return .continuePolling(after: .seconds(seconds))
        }
    }
}
