/// What a retry strategy decided for a failed attempt.
public struct RetryDecision: Sendable, Hashable {
    /// Whether to run another attempt.
    public var shouldRetry: Bool
    /// How long to wait first (rounded up to whole seconds, at least 1 s, on the wire).
    public var delay: Duration

    /// Creates a decision.
    public init(shouldRetry: Bool, delay: Duration = .seconds(1)) {
        self.shouldRetry = shouldRetry
        self.delay = delay
    }

    /// Retry after `delay`.
    public static func retry(after delay: Duration) -> RetryDecision { RetryDecision(shouldRetry: true, delay: delay) }
    /// Give up.
    public static let stop = RetryDecision(shouldRetry: false, delay: .zero)
}
