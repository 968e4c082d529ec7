/// The body of `POST /durable/2025-12-01/durable-executions/{arn}/logs`, through which a Runtime API
/// worker hands the service what one invocation logged (not an AWS route: on AWS this is CloudWatch's part).
public struct AppendExecutionLogsRequest: Codable, Sendable, Hashable {
    /// The invocation that logged them (`Lambda-Runtime-Aws-Request-Id`); it must still be running.
    public var requestId: String
    /// The records, oldest first.
    public var records: [ExecutionLogEntry]

    /// The most records one request may carry.
    public static let maxRecords = 10_000
    /// The longest message a record may carry, in UTF-8 bytes.
    public static let maxMessageBytes = 256 * 1024
    /// The largest body the route reads.
    public static let maxBodyBytes = 6 * 1024 * 1024

    /// Creates a request.
    public init(requestId: String, records: [ExecutionLogEntry]) {
        self.requestId = requestId
        self.records = records
    }

    enum CodingKeys: String, CodingKey { case requestId = "RequestId", records = "Records" }
}
