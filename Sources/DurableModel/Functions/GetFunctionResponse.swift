/// The body of `GetFunction`.
public struct GetFunctionResponse: Codable, Sendable, Hashable {
    /// The version's configuration.
    public var configuration: LambdaFunctionConfiguration
    /// Where its code lives.
    public var code: FunctionCodeLocation?

    /// Creates a response.
    public init(configuration: LambdaFunctionConfiguration, code: FunctionCodeLocation? = nil) {
        self.configuration = configuration
        self.code = code
    }

    enum CodingKeys: String, CodingKey { case configuration = "Configuration", code = "Code" }
}
