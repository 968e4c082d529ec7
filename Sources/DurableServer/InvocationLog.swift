import DurableModel
import Foundation
import Synchronization

/// The log records one invocation writes, kept until the engine stores them when the invocation ends.
///
/// The engine binds `current` while the invoker runs the handler; a host that runs the handler in
/// process (DurableHosting) reads it and routes the SDK's log sink into `record`. Records arriving
/// after `seal()` (from a task the crashed invocation left behind) are dropped.
public final class InvocationLog: Sendable {
    /// The log of the invocation running in this task, if the engine is running one.
    @TaskLocal public static var current: InvocationLog?

    /// The execution the invocation runs.
    public let executionArn: String
    /// The invocation's request id.
    public let requestId: String
    private let clock: any DurableClock
    private let state = Mutex<(records: [ExecutionLogRecord], sealed: Bool)>(([], false))

    /// Creates an empty log for one invocation, stamping records with `clock`.
    public init(executionArn: String, requestId: String, clock: any DurableClock = SystemClock()) {
        self.executionArn = executionArn
        self.requestId = requestId
        self.clock = clock
    }

    /// Appends a record, stamped now.
    public func record(level: String, message: String, operationId: String? = nil, attempt: Int? = nil) {
        let record = ExecutionLogRecord(timestamp: clock.now(), executionArn: executionArn, requestId: requestId,
                                        level: level, message: message, operationId: operationId, attempt: attempt)
        state.withLock { state in
            if !state.sealed { state.records.append(record) }
        }
    }

    /// The records so far; later ones are dropped.
    public func seal() -> [ExecutionLogRecord] {
        state.withLock { state in
            state.sealed = true
            return state.records
        }
    }
}
