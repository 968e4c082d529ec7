/// The status of a whole durable execution.
public enum ExecutionStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timedOut = "TIMED_OUT"
    case stopped = "STOPPED"

    /// Whether the execution has closed.
    public var isTerminal: Bool { self != .running }
}
