/// `AliasRoutingConfiguration`: a second version taking a share of an alias's new executions.
public struct AliasRoutingConfiguration: Codable, Sendable, Hashable {
    /// Version → share of invocations (0.0...1.0); at most one entry.
    public var additionalVersionWeights: [String: Double]?

    /// Creates a routing configuration.
    public init(additionalVersionWeights: [String: Double]? = nil) {
        self.additionalVersionWeights = additionalVersionWeights
    }

    enum CodingKeys: String, CodingKey { case additionalVersionWeights = "AdditionalVersionWeights" }
}
