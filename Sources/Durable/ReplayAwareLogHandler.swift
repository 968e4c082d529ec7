import Logging

/// Wraps the configured handler: drops records while the owning context replays and adds the
/// durable metadata, so each line is emitted once across invocations.
struct ReplayAwareLogHandler: LogHandler {
    var inner: any LogHandler
    let isReplaying: @Sendable () -> Bool
    let durableMetadata: Logger.Metadata

    func log(event: LogEvent) {
        if isReplaying() { return }
        var event = event
        var merged = durableMetadata
        if let metadata = event.metadata { merged.merge(metadata) { _, new in new } }
        event.metadata = merged
        inner.log(event: event)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    var metadataProvider: Logger.MetadataProvider? {
        get { inner.metadataProvider }
        set { inner.metadataProvider = newValue }
    }

    /// A logger built on `base`'s handler.
    static func logger(base: Logger, metadata: Logger.Metadata, isReplaying: @escaping @Sendable () -> Bool) -> Logger {
        let handler = ReplayAwareLogHandler(inner: base.handler, isReplaying: isReplaying, durableMetadata: metadata)
        return Logger(label: base.label) { _ in handler }
    }
}
