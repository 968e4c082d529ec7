/// `DurableConfig`: what makes a Lambda function durable.
public struct DurableConfig: Codable, Sendable, Hashable {
    /// How long one execution may run, in seconds (1...31,622,400).
    public var executionTimeout: Int?
    /// How many days a closed execution's history is kept (1...90).
    public var retentionPeriodInDays: Int?
    /// The KMS key for execution data (accepted and echoed; data is not encrypted by this service).
    public var kmsKeyArn: String?

    /// Creates a configuration.
    public init(executionTimeout: Int? = nil, retentionPeriodInDays: Int? = nil, kmsKeyArn: String? = nil) {
        self.executionTimeout = executionTimeout
        self.retentionPeriodInDays = retentionPeriodInDays
        self.kmsKeyArn = kmsKeyArn
    }

    enum CodingKeys: String, CodingKey {
        case executionTimeout = "ExecutionTimeout", retentionPeriodInDays = "RetentionPeriodInDays", kmsKeyArn = "KMSKeyArn"
    }
}
