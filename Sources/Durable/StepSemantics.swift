/// How often a step body may run per retry attempt if the invocation dies mid-attempt.
public enum StepSemantics: Sendable, Hashable {
    /// START is sent without waiting; an interrupted attempt simply runs again (the default).
    case atLeastOncePerRetry
    /// START is checkpointed before the body runs; an interrupted attempt counts as failed
    /// (`.stepInterrupted` goes to the retry strategy) and the body is not rerun for it.
    case atMostOncePerRetry
}
