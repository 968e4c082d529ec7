import DurableModel

/// The result of `map` or `parallel`: every started item plus why the batch stopped.
public struct BatchResult<T: Sendable>: Sendable {
    /// Started items in index order (never-started items are omitted).
    public var all: [BatchItem<T>]
    /// Why the batch stopped.
    public var completionReason: BatchCompletionReason
    /// The number of input items or branches.
    public var totalCount: Int

    /// Creates a result.
    public init(all: [BatchItem<T>], completionReason: BatchCompletionReason, totalCount: Int) {
        self.all = all.sorted { $0.index < $1.index }
        self.completionReason = completionReason
        self.totalCount = totalCount
    }

    /// Items that succeeded.
    public var successes: [BatchItem<T>] { all.filter { $0.status == .succeeded } }
    /// Items that failed.
    public var failures: [BatchItem<T>] { all.filter { $0.status == .failed } }
    /// Items still running when the batch completed.
    public var started: [BatchItem<T>] { all.filter { $0.status == .started } }
    /// The results of every item in index order; throws `.batchFailed` if any item failed.
    ///
    /// Items still running at an early completion are skipped; use `successes` to read partial results.
    public func values() throws(DurableError) -> [T] {
        try throwIfError()
        return successes.compactMap(\.result)
    }
    /// The results of the successful items, in index order, ignoring failures.
    public var successfulValues: [T] { successes.compactMap(\.result) }
    /// The errors of failed items, in index order.
    public var errors: [DurableError] { failures.compactMap(\.error) }
    /// The number of successful items.
    public var successCount: Int { successes.count }
    /// The number of failed items.
    public var failureCount: Int { failures.count }
    /// The number of items still running at completion.
    public var startedCount: Int { started.count }
    /// Whether any item failed.
    public var hasFailure: Bool { all.contains { $0.status == .failed } }
    /// `failed` iff any item failed.
    public var status: OperationStatus { hasFailure ? .failed : .succeeded }

    /// Throws `.batchFailed` carrying the first failure's error object.
    public func throwIfError() throws(DurableError) {
        guard let first = failures.first else { return }
        throw DurableError(code: .batchFailed, errorObject: first.error?.errorObject ?? ErrorObject(errorType: "BatchCompletionError", errorMessage: "Item \(first.index) failed"))
    }
}
