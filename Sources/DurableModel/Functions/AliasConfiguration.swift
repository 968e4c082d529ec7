/// The Lambda `AliasConfiguration` shape: a name pointing at a function version.
public struct AliasConfiguration: Codable, Sendable, Hashable {
    /// The alias's ARN (`…:function:NAME:ALIAS`).
    public var aliasArn: String
    /// The alias name.
    public var name: String
    /// The version it points at.
    public var functionVersion: String
    /// The description.
    public var description: String
    /// A weighted second version, if any.
    public var routingConfig: AliasRoutingConfiguration?
    /// Changes with every update.
    public var revisionId: String

    /// Creates an alias.
    public init(aliasArn: String, name: String, functionVersion: String, description: String = "",
                routingConfig: AliasRoutingConfiguration? = nil, revisionId: String) {
        self.aliasArn = aliasArn
        self.name = name
        self.functionVersion = functionVersion
        self.description = description
        self.routingConfig = routingConfig
        self.revisionId = revisionId
    }

    enum CodingKeys: String, CodingKey {
        case aliasArn = "AliasArn", name = "Name", functionVersion = "FunctionVersion", description = "Description"
        case routingConfig = "RoutingConfig", revisionId = "RevisionId"
    }
}
