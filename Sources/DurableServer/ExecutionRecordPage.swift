import DurableModel
import Foundation

/// One page of execution rows from a store.
public struct ExecutionRecordPage: Sendable, Hashable {
    /// The rows, in the requested order.
    public var records: [ExecutionRecord]
    /// The marker of the next page, nil when this is the last.
    public var nextMarker: String?
    /// Creates a page.
    public init(records: [ExecutionRecord], nextMarker: String?) {
        self.records = records
        self.nextMarker = nextMarker
    }
}
