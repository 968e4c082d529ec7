import DurableModel
import Foundation

/// Filters and paging of `ListDurableExecutionsByFunction`.
public struct ExecutionListQuery: Sendable, Hashable {
    /// The function whose executions to list.
    public var functionName: String
    /// Only executions started on this qualifier; nil lists all.
    public var qualifier: String?
    /// Only executions with this name.
    public var executionName: String?
    /// Only executions in one of these statuses; empty lists all.
    public var statuses: [ExecutionStatus]
    /// Only executions started after this instant.
    public var startedAfter: Date?
    /// Only executions started before this instant.
    public var startedBefore: Date?
    /// Newest first when true.
    public var reverseOrder: Bool
    /// The marker of the page to read.
    public var marker: String?
    /// The page size (default 100, at most 1000).
    public var maxItems: Int?

    /// Creates a query.
    public init(functionName: String, qualifier: String? = nil, executionName: String? = nil, statuses: [ExecutionStatus] = [],
                startedAfter: Date? = nil, startedBefore: Date? = nil, reverseOrder: Bool = false,
                marker: String? = nil, maxItems: Int? = nil) {
        self.functionName = functionName
        self.qualifier = qualifier
        self.executionName = executionName
        self.statuses = statuses
        self.startedAfter = startedAfter
        self.startedBefore = startedBefore
        self.reverseOrder = reverseOrder
        self.marker = marker
        self.maxItems = maxItems
    }

    /// The effective page size.
    public var pageSize: Int {
        guard let maxItems, maxItems > 0 else { return DurableLimits.defaultPageSize }
        return min(maxItems, DurableLimits.maxPageSize)
    }
}
