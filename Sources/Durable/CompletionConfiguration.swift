/// When a map or parallel is complete (protocol §4.9).
///
/// With no criteria the batch is fail-fast: the first failure completes it.
public struct CompletionConfiguration: Sendable, Hashable {
    /// Complete as soon as this many items succeeded.
    public var minSuccessful: Int?
    /// Complete (as failed) once more than this many items failed.
    public var toleratedFailureCount: Int?
    /// Complete (as failed) once more than this percentage (0...100) of all items failed.
    public var toleratedFailurePercentage: Double?

    /// Creates a configuration; all nil means fail-fast.
    public init(minSuccessful: Int? = nil, toleratedFailureCount: Int? = nil, toleratedFailurePercentage: Double? = nil) {
        self.minSuccessful = minSuccessful
        self.toleratedFailureCount = toleratedFailureCount
        self.toleratedFailurePercentage = toleratedFailurePercentage
    }

    /// Every item must succeed; the first failure completes the batch.
    public static let allSuccessful = CompletionConfiguration(toleratedFailureCount: 0, toleratedFailurePercentage: 0)
    /// Run every item whatever fails.
    public static let allCompleted = CompletionConfiguration(toleratedFailurePercentage: 100)
    /// Complete with the first success.
    public static let firstSuccessful = CompletionConfiguration(minSuccessful: 1)

    /// Whether any criterion is set.
    var hasCriteria: Bool { minSuccessful != nil || toleratedFailureCount != nil || toleratedFailurePercentage != nil }

    /// The completion reason for the counts so far, or nil when the batch must go on.
    ///
    /// Order: tolerance exceeded, then all finished, then enough successes.
    public func completionReason(total: Int, succeeded: Int, failed: Int) -> BatchCompletionReason? {
        if failed > 0 {
            if !hasCriteria { return .failureToleranceExceeded }
            if let count = toleratedFailureCount, failed > count { return .failureToleranceExceeded }
            if let percentage = toleratedFailurePercentage, total > 0, Double(failed) * 100 / Double(total) > percentage {
                return .failureToleranceExceeded
            }
        }
        if succeeded + failed >= total { return .allCompleted }
        if let minSuccessful, succeeded >= minSuccessful { return .minSuccessfulReached }
        return nil
    }
}
