/// The body of `CreateAlias`.
public struct CreateAliasRequest: Codable, Sendable, Hashable {
    /// The alias name (not all digits).
    public var name: String?
    /// The version it points at.
    public var functionVersion: String?
    /// The description.
    public var description: String?
    /// A weighted second version.
    public var routingConfig: AliasRoutingConfiguration?

    /// Creates a request.
    public init(name: String? = nil, functionVersion: String? = nil, description: String? = nil, routingConfig: AliasRoutingConfiguration? = nil) {
        self.name = name
        self.functionVersion = functionVersion
        self.description = description
        self.routingConfig = routingConfig
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", functionVersion = "FunctionVersion", description = "Description", routingConfig = "RoutingConfig"
    }
}
