import DurableModel
import Foundation

extension DurableEngine {
    /// Fires every timer due at `clock.now()`, and those that come due meanwhile; returns how many
    /// changed something.
    ///
    /// Timers of different executions fire concurrently, so their commits share transactions (group
    /// commit) instead of paying one fsync each in turn; one execution's timers fire in order. Timers
    /// that come due while firings are in flight are fired without waiting for those to finish: the
    /// store is asked again whenever a firing finishes, and at least every `duePollInterval` meanwhile.
    /// (Waiting for a whole batch before looking again made a burst of wake-ups, such as 200 waits
    /// ending within 50 ms, queue behind one commit after another.)
    public func fireDueTimers() async throws -> Int {
        if let shared, let sharing = configuration.sharing { return try await fireClaimedTimers(shared, sharing) }
        return try await withThrowingTaskGroup(of: TimerFiring.self) { group in
            var fired = 0
            var seen: Set<TimerKey> = []
            // Executions with a firing in flight: their next due timer waits for it.
            var busy: Set<String> = []
            var polling = false
            firing: while true {
                let now = clock.now()
                let due = try await store.dueTimers(at: now, limit: 256)
                    .filter { !seen.contains($0.key) && !busy.contains($0.key.executionArn) }
                for (arn, timers) in Dictionary(grouping: due, by: \.key.executionArn) {
                    for timer in timers { seen.insert(timer.key) }
                    busy.insert(arn)
                    group.addTask {
                        var count = 0
                        for timer in timers where try await self.fire(timer, now: now) { count += 1 }
                        return .fired(executionArn: arn, count: count)
                    }
                }
                if busy.isEmpty { break firing }
                if !polling {
                    polling = true
                    group.addTask {
                        try? await Task.sleep(for: Self.duePollInterval)
                        return .pollDue
                    }
                }
                switch try await group.next() {
                case .fired(let arn, let count)?:
                    busy.remove(arn)
                    fired += count
                case .pollDue?:
                    polling = false
                case nil:
                    break firing
                }
            }
            group.cancelAll()
            return fired
        }
    }

    /// How often `fireDueTimers` looks for newly due timers while firings are in flight.
    static let duePollInterval = Duration.milliseconds(2)

    /// What a child task of `fireDueTimers` finished with.
    private enum TimerFiring: Sendable {
        /// One execution's due timers were fired; `count` of them changed something.
        case fired(executionArn: String, count: Int)
        /// The poll interval passed.
        case pollDue
    }

    /// Shared: leases due timers in batches so each is fired by one node, and fires a batch concurrently.
    ///
    /// A failed firing keeps its lease until it expires, then any node tries again. The lease only
    /// spreads the work; that a timer takes effect once rests on `fire` committing under the version check.
    private func fireClaimedTimers(_ shared: any SharedWorkStore, _ sharing: NodeSharing) async throws -> Int {
        var fired = 0
        while true {
            let now = clock.now()
            let due = try await shared.claimDueTimers(owner: sharing.nodeId, at: now, limit: 64, lease: sharing.leaseDuration)
            if due.isEmpty { return fired }
            fired += await withTaskGroup(of: Bool.self) { group in
                for timer in due {
                    group.addTask {
                        do {
                            return try await self.fire(timer, now: now)
                        } catch {
                            self.logger.error("firing a timer failed", metadata: ["arn": "\(timer.key.executionArn)", "error": "\(error)"])
                            return false
                        }
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
        }
    }

    /// The earliest armed timer's due date (shared: the earliest no other node holds).
    public func nextTimerDate() async throws -> Date? {
        if let shared { return try await shared.nextUnclaimedTimerDate() }
        return try await store.nextTimerDate()
    }

    /// Whether the operation of a wait-end or step-retry timer is still waiting and due at `now`.
    static func operationIsDue(_ key: TimerKey, _ operations: OperationMap, now: Date) -> Bool {
        guard let id = key.operationId, let op = operations[id]?.operation else { return false }
        switch key.kind {
        case .waitEnd: return op.type == .wait && MutationBuilder.isDue(op, now: now)
        case .stepRetry: return op.type == .step && MutationBuilder.isDue(op, now: now)
        case .callbackTimeout, .callbackHeartbeat, .executionTimeout, .invocationRetry: return false
        }
    }

    /// Fires one timer under its execution's lock, if it is still armed and due.
    private func fire(_ timer: DurableTimer, now: Date) async throws -> Bool {
        let key = timer.key
        let result = try await mutate(key.executionArn) { builder -> (fired: Bool, closed: Bool) in
            // Between listing and locking the timer may have been re-armed (heartbeat) or removed. A wait's
            // end and a step's retry carry their due date in the operation, armed with the timer in one
            // commit, so an operation still waiting and due settles it without reading the timer back.
            if !Self.operationIsDue(key, builder.operations, now: now) {
                let live = try await store.timers(executionArn: key.executionArn).first { $0.key == key }
                guard let live, live.dueAt <= now else { return (false, false) }
            }
            builder.disarm(key)
            guard builder.record.status == .running else { return (false, false) }
            var changed = false
            switch key.kind {
            case .waitEnd:
                changed = key.operationId.map { builder.completeWait($0, now: now) } ?? false
            case .stepRetry:
                changed = key.operationId.map { builder.readyStep($0) } ?? false
            case .callbackTimeout, .callbackHeartbeat:
                changed = key.operationId.map { builder.timeOutCallback($0, heartbeat: key.kind == .callbackHeartbeat, now: now) } ?? false
            case .executionTimeout:
                builder.close(.timedOut, error: ErrorObject(
                    errorType: "Execution.Timeout",
                    errorMessage: "Execution timed out after \(builder.record.executionTimeoutSeconds) seconds."), now: now)
                return (true, true)
            case .invocationRetry:
                builder.requestInvocation()
                return (true, false)
            }
            if changed { builder.requestInvocation() }
            return (changed, false)
        }
        guard let ((fired, closed), record) = result else { return false }
        // Logged once committed (a body retried after a conflict runs again), in a form the multi-node test counts.
        if fired { logger.debug("timer fired: \(key.kind.rawValue) \(key.executionArn) \(key.operationId ?? "-")") }
        if closed { await afterClose(record) }
        return fired
    }
}

extension DurableEngine {
    /// Deletes closed executions whose retention period has ended; names become reusable.
    @discardableResult
    public func purgeExpiredExecutions() async throws -> Int {
        try await store.purgeClosedExecutions(before: clock.now())
    }
}
