/// What a wait-for-condition strategy decided after a check.
public enum WaitDecision: Sendable, Hashable {
    /// Poll again after the delay.
    case continuePolling(after: Duration)
    /// The condition is met; finish with the current state.
    case stop
}
