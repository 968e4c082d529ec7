/// The outcome of one map item or parallel branch.
public struct BatchItem<T: Sendable>: Sendable {
    /// The item's index in the input.
    public var index: Int
    /// How the item ended (`started` when the batch completed before it did).
    public var status: Status
    /// The result when `succeeded`.
    public var result: T?
    /// The error when `failed`.
    public var error: DurableError?

    /// Creates an item.
    public init(index: Int, status: Status, result: T? = nil, error: DurableError? = nil) {
        self.index = index
        self.status = status
        self.result = result
        self.error = error
    }

    /// The status of a batch item.
    public enum Status: String, Codable, Sendable, Hashable {
        /// The item returned a value.
        case succeeded = "SUCCEEDED"
        /// The item threw.
        case failed = "FAILED"
        /// The item was still running when the batch completed.
        case started = "STARTED"
    }
}
