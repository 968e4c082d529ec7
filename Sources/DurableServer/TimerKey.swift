import Foundation

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
