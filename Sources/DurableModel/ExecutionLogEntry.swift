import Foundation

/// One log record a worker sends for its invocation (`POST /durable/2025-12-01/durable-executions/{arn}/logs`):
/// an `ExecutionLogRecord` without the execution and request, which the route supplies.
public struct ExecutionLogEntry: Codable, Sendable, Hashable {
    /// When the worker wrote the record.
    public var timestamp: Date
    /// The level name (`TRACE`, `DEBUG`, `INFO`, `NOTICE`, `WARNING`, `ERROR`, `CRITICAL`).
    public var level: String
    /// The text; for a JSON record, the JSON itself.
    public var message: String
    /// The operation that was running, when known.
    public var operationId: String?
    /// The step attempt that was running, when known.
    public var attempt: Int?

    /// The level names a record may carry.
    public static let levels: Set<String> = ["TRACE", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "CRITICAL"]

    /// Creates an entry.
    public init(timestamp: Date, level: String, message: String, operationId: String? = nil, attempt: Int? = nil) {
        self.timestamp = timestamp
        self.level = level
        self.message = message
        self.operationId = operationId
        self.attempt = attempt
    }

    enum CodingKeys: String, CodingKey {
        case timestamp = "Timestamp", level = "Level", message = "Message", operationId = "OperationId", attempt = "Attempt"
    }
}
