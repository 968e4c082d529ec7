import DurableModel

/// The checkpointed form of a `BatchResult` (the parent CONTEXT's payload).
///
/// Results are stored as their serialized text so any serializer works; when the summary is too
/// large the parent uses `ReplayChildren` with `items` omitted and replay rebuilds from the children.
struct BatchSummary: Codable, Sendable {
    /// `MapResult` or `ParallelResult`.
    var type: String
    var totalCount: Int
    var completionReason: BatchCompletionReason
    var successCount: Int
    var failureCount: Int
    var startedCount: Int
    var status: String
    /// Per-item outcomes; nil in the ReplayChildren form.
    var items: [Item]?
    /// Items that finished (succeeded or failed), so a ReplayChildren replay re-runs only those.
    var completedIndexes: [Int]?
    /// Items still running when the batch completed.
    var startedIndexes: [Int]?

    /// One item in the summary.
    struct Item: Codable, Sendable {
        var index: Int
        var status: BatchItem<Int>.Status
        var result: String?
        var error: ErrorObject?
    }
}
