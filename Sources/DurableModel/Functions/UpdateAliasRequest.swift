/// The body of `UpdateAlias`: absent members are unchanged.
public struct UpdateAliasRequest: Codable, Sendable, Hashable {
    /// The version it points at.
    public var functionVersion: String?
    /// The description.
    public var description: String?
    /// A weighted second version (an empty map removes it).
    public var routingConfig: AliasRoutingConfiguration?
    /// Only update when the alias's revision is still this one.
    public var revisionId: String?

    /// Creates a request.
    public init(functionVersion: String? = nil, description: String? = nil, routingConfig: AliasRoutingConfiguration? = nil, revisionId: String? = nil) {
        self.functionVersion = functionVersion
        self.description = description
        self.routingConfig = routingConfig
        self.revisionId = revisionId
    }

    enum CodingKeys: String, CodingKey {
        case functionVersion = "FunctionVersion", description = "Description", routingConfig = "RoutingConfig", revisionId = "RevisionId"
    }
}
