/// The body of `UpdateFunctionConfiguration`: every member optional, absent ones unchanged.
public struct UpdateFunctionConfigurationRequest: Codable, Sendable, Hashable {
    /// The execution role ARN.
    public var role: String?
    /// The handler entry point.
    public var handler: String?
    /// The description.
    public var description: String?
    /// Seconds one invocation may run.
    public var timeout: Int?
    /// Memory in MB.
    public var memorySize: Int?
    /// The environment variables (replaces all of them).
    public var environment: FunctionEnvironment?
    /// The runtime identifier.
    public var runtime: String?
    /// Only update when the configuration's revision is still this one.
    public var revisionId: String?
    /// New durable settings (only for functions created durable).
    public var durableConfig: DurableConfig?

    /// Creates a request.
    public init(role: String? = nil, handler: String? = nil, description: String? = nil, timeout: Int? = nil, memorySize: Int? = nil,
                environment: FunctionEnvironment? = nil, runtime: String? = nil, revisionId: String? = nil, durableConfig: DurableConfig? = nil) {
        self.role = role
        self.handler = handler
        self.description = description
        self.timeout = timeout
        self.memorySize = memorySize
        self.environment = environment
        self.runtime = runtime
        self.revisionId = revisionId
        self.durableConfig = durableConfig
    }

    enum CodingKeys: String, CodingKey {
        case role = "Role", handler = "Handler", description = "Description", timeout = "Timeout", memorySize = "MemorySize"
        case environment = "Environment", runtime = "Runtime", revisionId = "RevisionId", durableConfig = "DurableConfig"
    }
}
