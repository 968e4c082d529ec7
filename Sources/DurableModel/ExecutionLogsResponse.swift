/// One page of an execution's log records (`GET /durable/2025-12-01/durable-executions/{arn}/logs`).
public struct ExecutionLogsResponse: Codable, Sendable, Hashable {
    /// The records, oldest first.
    public var records: [ExecutionLogRecord]
    /// The next page's marker.
    public var nextMarker: String?

    /// Creates a page.
    public init(records: [ExecutionLogRecord], nextMarker: String?) {
        self.records = records
        self.nextMarker = nextMarker
    }

    enum CodingKeys: String, CodingKey { case records = "Records", nextMarker = "NextMarker" }
}
