/// `Environment` / `EnvironmentResponse`: a function's environment variables.
public struct FunctionEnvironment: Codable, Sendable, Hashable {
    /// The variables.
    public var variables: [String: String]?

    /// Creates an environment.
    public init(variables: [String: String]? = nil) {
        self.variables = variables
    }

    enum CodingKeys: String, CodingKey { case variables = "Variables" }
}
