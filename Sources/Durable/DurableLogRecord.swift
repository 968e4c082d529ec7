import Logging

/// A log record the runtime hands to `DurableRuntimeConfiguration.logSink`.
public struct DurableLogRecord: Sendable, Hashable {
    /// The record's level.
    public var level: Logger.Level
    /// The rendered message; a plugin's JSON record is its JSON text.
    public var message: String
    /// The operation that was running (the `operationId` metadata), when known.
    public var operationId: String?
    /// The step attempt that was running (the `attempt` metadata), when known.
    public var attempt: Int?

    /// Creates a record.
    public init(level: Logger.Level, message: String, operationId: String? = nil, attempt: Int? = nil) {
        self.level = level
        self.message = message
        self.operationId = operationId
        self.attempt = attempt
    }
}
