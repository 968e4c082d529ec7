/// A page of operations: the `InitialExecutionState`, `NewExecutionState` and `GetDurableExecutionState` shape.
public struct ExecutionStatePage: Codable, Sendable, Hashable {
    /// The operations, ordered by start.
    public var operations: [Operation]
    /// The marker of the next page; absent or empty when this is the last.
    public var nextMarker: String?

    /// Creates a page.
    public init(operations: [Operation], nextMarker: String? = nil) {
        self.operations = operations
        self.nextMarker = nextMarker
    }

    /// Whether more pages follow.
    public var hasMore: Bool { !(nextMarker ?? "").isEmpty }

    enum CodingKeys: String, CodingKey { case operations = "Operations", nextMarker = "NextMarker" }

    /// Decodes a page, treating a missing `Operations` member as empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        operations = try c.decodeIfPresent([Operation].self, forKey: .operations) ?? []
        nextMarker = try c.decodeIfPresent(String.self, forKey: .nextMarker)
    }
}
