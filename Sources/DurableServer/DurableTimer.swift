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
