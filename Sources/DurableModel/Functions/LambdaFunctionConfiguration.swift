import Foundation

/// The Lambda `FunctionConfiguration` shape: one function version's settings, as `CreateFunction`,
/// `GetFunction`, `ListFunctions`, `PublishVersion` and `UpdateFunctionConfiguration` answer.
public struct LambdaFunctionConfiguration: Codable, Sendable, Hashable {
    /// The function name.
    public var functionName: String
    /// The function's ARN (qualified with the version for published versions).
    public var functionArn: String
    /// The runtime identifier.
    public var runtime: String?
    /// The execution role ARN.
    public var role: String
    /// The handler entry point.
    public var handler: String?
    /// The code package's size in bytes.
    public var codeSize: Int
    /// The description.
    public var description: String
    /// Seconds one invocation may run.
    public var timeout: Int
    /// Memory in MB.
    public var memorySize: Int
    /// When the configuration last changed (`2026-01-01T00:00:00.000+0000`).
    public var lastModified: String
    /// Base64 SHA-256 of the code package.
    public var codeSha256: String
    /// `$LATEST` or the version number.
    public var version: String
    /// The environment variables.
    public var environment: FunctionEnvironment?
    /// Changes with every update of this configuration.
    public var revisionId: String
    /// `Active` once created.
    public var state: String?
    /// `Successful` once an update applied.
    public var lastUpdateStatus: String?
    /// `Zip` or `Image`.
    public var packageType: String?
    /// `x86_64` or `arm64`.
    public var architectures: [String]?
    /// Set for durable functions.
    public var durableConfig: DurableConfig?

    /// Creates a configuration.
    public init(functionName: String, functionArn: String, runtime: String? = nil, role: String, handler: String? = nil,
                codeSize: Int = 0, description: String = "", timeout: Int = 3, memorySize: Int = 128, lastModified: String,
                codeSha256: String, version: String = "$LATEST", environment: FunctionEnvironment? = nil, revisionId: String,
                state: String? = "Active", lastUpdateStatus: String? = "Successful", packageType: String? = "Zip",
                architectures: [String]? = ["x86_64"], durableConfig: DurableConfig? = nil) {
        self.functionName = functionName
        self.functionArn = functionArn
        self.runtime = runtime
        self.role = role
        self.handler = handler
        self.codeSize = codeSize
        self.description = description
        self.timeout = timeout
        self.memorySize = memorySize
        self.lastModified = lastModified
        self.codeSha256 = codeSha256
        self.version = version
        self.environment = environment
        self.revisionId = revisionId
        self.state = state
        self.lastUpdateStatus = lastUpdateStatus
        self.packageType = packageType
        self.architectures = architectures
        self.durableConfig = durableConfig
    }

    /// Lambda's `LastModified` format: ISO-8601 with milliseconds and a `+0000` offset.
    public static func lastModifiedText(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSSZ"
        return formatter.string(from: date)
    }

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName", functionArn = "FunctionArn", runtime = "Runtime", role = "Role", handler = "Handler"
        case codeSize = "CodeSize", description = "Description", timeout = "Timeout", memorySize = "MemorySize"
        case lastModified = "LastModified", codeSha256 = "CodeSha256", version = "Version", environment = "Environment"
        case revisionId = "RevisionId", state = "State", lastUpdateStatus = "LastUpdateStatus", packageType = "PackageType"
        case architectures = "Architectures", durableConfig = "DurableConfig"
    }
}
