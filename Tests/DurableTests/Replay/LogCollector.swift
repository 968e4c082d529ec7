import Logging
import Synchronization

/// Collects log messages.
final class LogCollector: Sendable {
    private let lines = Mutex<[String]>([])
    private let metadata = Mutex<[Logger.Metadata]>([])

    /// Every message logged.
    var messages: [String] { lines.withLock { $0 } }
    /// The metadata of every record.
    var allMetadata: [Logger.Metadata] { metadata.withLock { $0 } }

    /// A logger writing here.
    var logger: Logger {
        Logger(label: "test") { _ in CollectingHandler(collector: self) }
    }

    fileprivate func append(_ line: String, _ data: Logger.Metadata) {
        lines.withLock { $0.append(line) }
        metadata.withLock { $0.append(data) }
    }
}

private struct CollectingHandler: LogHandler {
    let collector: LogCollector
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    func log(event: LogEvent) {
        collector.append(event.message.description, event.metadata ?? [:])
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
}
