import Foundation

/// The kinds of timers the engine arms.
public enum TimerKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// A WAIT's scheduled end.
    case waitEnd
    /// A STEP retry delay (PENDING → READY).
    case stepRetry
    /// A CALLBACK's overall timeout.
    case callbackTimeout
    /// A CALLBACK's heartbeat timeout.
    case callbackHeartbeat
    /// The execution timeout.
    case executionTimeout
    /// The delay before retrying a failed invocation.
    case invocationRetry
}
