import Foundation

/// A persisted timer: fires once at `dueAt` for one execution (and usually one operation).
public struct DurableTimer: Codable, Sendable, Hashable {
    /// The timer's identity; arming a timer with the same key replaces it.
    public var key: TimerKey
    /// When it fires.
    public var dueAt: Date

    /// Creates a timer.
    public init(key: TimerKey, dueAt: Date) {
        self.key = key
        self.dueAt = dueAt
    }

    /// Creates a timer from its parts.
    public init(executionArn: String, kind: TimerKind, operationId: String? = nil, dueAt: Date) {
        self.init(key: TimerKey(executionArn: executionArn, kind: kind, operationId: operationId), dueAt: dueAt)
    }
}

/// Identifies a timer: one per (execution, kind, operation).
public struct TimerKey: Codable, Sendable, Hashable {
    /// The execution.
    public var executionArn: String
    /// What the timer does.
    public var kind: TimerKind
    /// The operation, absent for execution-level timers.
    public var operationId: String?

    /// Creates a key.
    public init(executionArn: String, kind: TimerKind, operationId: String? = nil) {
        self.executionArn = executionArn
        self.kind = kind
        self.operationId = operationId
    }
}

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
