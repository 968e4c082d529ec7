/// The body of `ListAliases`.
public struct ListAliasesResponse: Codable, Sendable, Hashable {
    /// One page of aliases, by name.
    public var aliases: [AliasConfiguration]
    /// The next page's marker.
    public var nextMarker: String?

    /// Creates a page.
    public init(aliases: [AliasConfiguration], nextMarker: String? = nil) {
        self.aliases = aliases
        self.nextMarker = nextMarker
    }

    enum CodingKeys: String, CodingKey { case aliases = "Aliases", nextMarker = "NextMarker" }
}
