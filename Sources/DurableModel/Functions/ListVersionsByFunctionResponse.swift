/// The body of `ListVersionsByFunction`.
public struct ListVersionsByFunctionResponse: Codable, Sendable, Hashable {
    /// One page of versions, `$LATEST` first.
    public var versions: [LambdaFunctionConfiguration]
    /// The next page's marker.
    public var nextMarker: String?

    /// Creates a page.
    public init(versions: [LambdaFunctionConfiguration], nextMarker: String? = nil) {
        self.versions = versions
        self.nextMarker = nextMarker
    }

    enum CodingKeys: String, CodingKey { case versions = "Versions", nextMarker = "NextMarker" }
}
