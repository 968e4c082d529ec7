import DurableModel

/// One page of `ListDurableExecutionsByFunction`; encodes as its response body.
public struct ExecutionListPage: Codable, Sendable, Hashable {
    /// The executions.
    public var executions: [ExecutionSummary]
    /// The next page's marker; nil on the last page.
    public var nextMarker: String?

    /// Creates a page.
    public init(executions: [ExecutionSummary], nextMarker: String?) {
        self.executions = executions
        self.nextMarker = nextMarker
    }

    enum CodingKeys: String, CodingKey { case executions = "DurableExecutions", nextMarker = "NextMarker" }
}
