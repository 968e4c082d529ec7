/// The status of a durable operation.
public enum OperationStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case started = "STARTED"
    case pending = "PENDING"
    case ready = "READY"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case cancelled = "CANCELLED"
    case timedOut = "TIMED_OUT"
    case stopped = "STOPPED"

    /// Whether the operation has reached a final status and will never change again.
    public var isTerminal: Bool {
        switch self {
        case .started, .pending, .ready: false
        case .succeeded, .failed, .cancelled, .timedOut, .stopped: true
        }
    }
}
