/// The body of `ListFunctions`.
public struct ListFunctionsResponse: Codable, Sendable, Hashable {
    /// One page of configurations.
    public var functions: [LambdaFunctionConfiguration]
    /// The next page's marker.
    public var nextMarker: String?

    /// Creates a page.
    public init(functions: [LambdaFunctionConfiguration], nextMarker: String? = nil) {
        self.functions = functions
        self.nextMarker = nextMarker
    }

    enum CodingKeys: String, CodingKey { case functions = "Functions", nextMarker = "NextMarker" }
}
