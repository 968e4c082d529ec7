/// The body of `CreateFunction` (the members this service uses; others are ignored).
public struct CreateFunctionRequest: Codable, Sendable, Hashable {
    /// The function name (or ARN).
    public var functionName: String?
    /// The runtime identifier.
    public var runtime: String?
    /// The execution role ARN.
    public var role: String?
    /// The handler entry point.
    public var handler: String?
    /// The code package.
    public var code: FunctionCode?
    /// The description.
    public var description: String?
    /// Seconds one invocation may run (default 3).
    public var timeout: Int?
    /// Memory in MB (default 128).
    public var memorySize: Int?
    /// Whether to publish version 1 at once.
    public var publish: Bool?
    /// `Zip` (default) or `Image`.
    public var packageType: String?
    /// The environment variables.
    public var environment: FunctionEnvironment?
    /// `x86_64` (default) or `arm64`.
    public var architectures: [String]?
    /// Makes the function durable.
    public var durableConfig: DurableConfig?

    /// Creates a request.
    public init(functionName: String? = nil, runtime: String? = nil, role: String? = nil, handler: String? = nil,
                code: FunctionCode? = nil, description: String? = nil, timeout: Int? = nil, memorySize: Int? = nil,
                publish: Bool? = nil, packageType: String? = nil, environment: FunctionEnvironment? = nil,
                architectures: [String]? = nil, durableConfig: DurableConfig? = nil) {
        self.functionName = functionName
        self.runtime = runtime
        self.role = role
        self.handler = handler
        self.code = code
        self.description = description
        self.timeout = timeout
        self.memorySize = memorySize
        self.publish = publish
        self.packageType = packageType
        self.environment = environment
        self.architectures = architectures
        self.durableConfig = durableConfig
    }

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", runtime = "Runtime", role = "Role", handler = "Handler", code = "Code"
        case description = "Description", timeout = "Timeout", memorySize = "MemorySize", publish = "Publish"
        case packageType = "PackageType", environment = "Environment", architectures = "Architectures", durableConfig = "DurableConfig"
    }
}
