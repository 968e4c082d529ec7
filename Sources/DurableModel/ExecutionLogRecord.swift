import Foundation

/// One log record an invocation wrote for its execution (a handler log line or a plugin's JSON record).
public struct ExecutionLogRecord: Codable, Sendable, Hashable {
    /// When the record was written.
    public var timestamp: Date
    /// The execution it belongs to.
    public var executionArn: String
    /// The invocation that wrote it.
    public var requestId: String
    /// The level name (`TRACE`, `DEBUG`, `INFO`, `NOTICE`, `WARNING`, `ERROR`, `CRITICAL`).
    public var level: String
    /// The text; for a JSON record, the JSON itself.
    public var message: String
    /// The operation that was running, when known.
    public var operationId: String?
    /// The step attempt that was running, when known.
    public var attempt: Int?

    /// Creates a record.
    public init(timestamp: Date, executionArn: String, requestId: String, level: String, message: String,
                operationId: String? = nil, attempt: Int? = nil) {
        self.timestamp = timestamp
        self.executionArn = executionArn
        self.requestId = requestId
        self.level = level
        self.message = message
        self.operationId = operationId
        self.attempt = attempt
    }

    enum CodingKeys: String, CodingKey {
        case timestamp = "Timestamp", executionArn = "ExecutionArn", requestId = "RequestId", level = "Level"
        case message = "Message", operationId = "OperationId", attempt = "Attempt"
    }
}
