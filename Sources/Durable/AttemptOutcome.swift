/// How a step attempt ended.
public enum AttemptOutcome: String, Sendable, Hashable {
    /// The body returned.
    case succeeded = "SUCCEEDED"
    /// The body threw.
    case failed = "FAILED"
}
