/// Why a map or parallel stopped.
public enum BatchCompletionReason: String, Codable, Sendable, Hashable {
    /// Every item finished.
    case allCompleted = "ALL_COMPLETED"
    /// `minSuccessful` items succeeded.
    case minSuccessfulReached = "MIN_SUCCESSFUL_REACHED"
    /// Too many items failed.
    case failureToleranceExceeded = "FAILURE_TOLERANCE_EXCEEDED"
}

/// The name the API sketch used for `BatchCompletionReason`.
public typealias CompletionReason = BatchCompletionReason
