import Logging

/// Hands every record at or above its level to a sink closure, with the operation id and attempt
/// taken from the record's metadata.
struct LogSinkHandler: LogHandler {
    let sink: @Sendable (DurableLogRecord) -> Void
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    var metadataProvider: Logger.MetadataProvider?

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        var operationId: String?
        if case .string(let id)? = merged["operationId"] { operationId = id }
        var attempt: Int?
        if case .string(let text)? = merged["attempt"] { attempt = Int(text) }
        sink(DurableLogRecord(level: event.level, message: event.message.description, operationId: operationId, attempt: attempt))
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// `base` with `sink` receiving its records too.
    static func logger(base: Logger, sink: @escaping @Sendable (DurableLogRecord) -> Void) -> Logger {
        let handler = MultiplexLogHandler([base.handler, LogSinkHandler(sink: sink)])
        return Logger(label: base.label) { _ in handler }
    }
}
