import DurableModel

/// One page of `GetDurableExecutionHistory`.
public struct HistoryPage: Codable, Sendable, Hashable {
    /// The events, in the requested order.
    public var events: [HistoryEvent]
    /// The next page's marker; nil on the last page.
    public var nextMarker: String?

    /// Creates a page.
    public init(events: [HistoryEvent], nextMarker: String?) {
        self.events = events
        self.nextMarker = nextMarker
    }

    enum CodingKeys: String, CodingKey { case events = "Events", nextMarker = "NextMarker" }
}
