import DurableModel
import Foundation

/// The behaviour every `ExecutionStore` must show, as plain checks any test target can run against
/// its store (`for check in ExecutionStoreConformance.checks { try await check.run(makeStore()) }`).
public enum ExecutionStoreConformance {
    /// One named check; it throws `ConformanceFailure` describing the first violated expectation.
    public struct Check: Sendable {
        /// The check's name.
        public let name: String
        /// Runs the check against a fresh, empty store.
        public let run: @Sendable (any ExecutionStore) async throws -> Void
    }

    /// A violated expectation.
    public struct ConformanceFailure: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public let description: String
    }

    /// Every check.
    public static let checks: [Check] = [
        Check(name: "createIsIdempotentByArnAndName", run: createIsIdempotentByArnAndName),
        Check(name: "operationsComeInStartOrderWithChangeSequences", run: operationsComeInStartOrderWithChangeSequences),
        Check(name: "commitChecksTheVersion", run: commitChecksTheVersion),
        Check(name: "eventsPageForwardAndBackward", run: eventsPageForwardAndBackward),
        Check(name: "timersArmReplaceDisarmAndFallDue", run: timersArmReplaceDisarmAndFallDue),
        Check(name: "callbackIdsResolve", run: callbackIdsResolve),
        Check(name: "listingFiltersOrdersAndPages", run: listingFiltersOrdersAndPages),
        Check(name: "awaitingInvocationListsQueuedAndRunning", run: awaitingInvocationListsQueuedAndRunning),
        Check(name: "purgeRemovesClosedExecutionsPastRetention", run: purgeRemovesClosedExecutionsPastRetention),
        Check(name: "logsAppendInOrderAndPage", run: logsAppendInOrderAndPage),
        Check(name: "snapshotsFollowEveryKindOfCommit", run: snapshotsFollowEveryKindOfCommit),
    ]

    /// Runs every check, each on a fresh store, and returns the failures (empty when the store conforms).
    public static func run(makeStore: @Sendable () async throws -> any ExecutionStore) async -> [String] {
        var failures: [String] = []
        for check in checks {
            do {
                try await check.run(try await makeStore())
            } catch {
                failures.append("\(check.name): \(error)")
            }
        }
        return failures
    }

    // MARK: Fixtures

    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    static func record(_ name: String, function: String = "fn", qualifier: String = "$LATEST", startOffset: TimeInterval = 0) -> ExecutionRecord {
        let arn = DurableExecutionARN(region: "us-east-1", accountId: "123456789012", functionName: function, qualifier: qualifier,
                                      executionName: name, executionId: "id-\(name)")
        var r = ExecutionRecord(arn: arn.description, functionName: function, qualifier: qualifier, executionName: name,
                                executionId: "id-\(name)", functionArn: arn.functionArn, executedVersion: qualifier,
                                startTimestamp: start.addingTimeInterval(startOffset), inputPayload: "{\"n\":\"\(name)\"}",
                                executionTimeoutSeconds: 3600, retentionPeriodDays: 1)
        r.lastSequence = 1
        r.lastEventId = 1
        return r
    }

    static func executionOp(_ r: ExecutionRecord) -> StoredOperation {
        StoredOperation(operation: DurableModel.Operation(id: r.executionId, type: .execution, startTimestamp: r.startTimestamp, status: .started,
                                             executionDetails: ExecutionDetails(inputPayload: r.inputPayload)), position: 0, sequence: 1)
    }

    static func started(_ r: ExecutionRecord) -> HistoryEvent {
        HistoryEvent(eventType: .executionStarted, eventId: 1, eventTimestamp: r.startTimestamp,
                     details: EventDetails(input: EventPayload(payload: r.inputPayload), executionTimeout: 3600))
    }

    @discardableResult
    static func create(_ store: any ExecutionStore, _ r: ExecutionRecord, timers: [DurableTimer] = []) async throws -> ExecutionRecord {
        guard case .created(let stored) = try await store.createExecution(r, operations: [executionOp(r)], events: [started(r)], timers: timers) else {
            throw ConformanceFailure(description: "creating \(r.executionName) did not answer .created")
        }
        return stored
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(description: message()) }
    }

    static func step(_ id: String, position: Int, sequence: Int, status: OperationStatus = .started) -> StoredOperation {
        StoredOperation(operation: DurableModel.Operation(id: id, name: "step \(id)", type: .step, subType: "Step", startTimestamp: start, status: status,
                                             stepDetails: StepDetails(attempt: 0)),
                        position: position, sequence: sequence, meta: OperationMeta(waitSeconds: position))
    }

    // MARK: Checks

    static func createIsIdempotentByArnAndName(_ store: any ExecutionStore) async throws {
        let r = record("a")
        let stored = try await create(store, r)
        try expect(stored == r, "created record differs from the input")
        try expect(try await store.execution(arn: r.arn) == r, "load by ARN")
        try expect(try await store.execution(functionName: "fn", executionName: "a") == r, "load by name")
        try expect(try await store.execution(functionName: "other", executionName: "a") == nil, "name is scoped to the function")
        try expect(try await store.execution(arn: r.arn + "x") == nil, "unknown ARN")
        var sameName = record("a")
        sameName.arn = sameName.arn.replacingOccurrences(of: "id-a", with: "id-b")
        sameName.executionId = "id-b"
        let again = try await store.createExecution(sameName, operations: [executionOp(sameName)], events: [started(sameName)], timers: [])
        try expect(again == .existing(r), "same (function, name) answers the existing record, got \(again)")
        try expect(try await store.execution(arn: sameName.arn) == nil, "nothing written for a duplicate name")
        let sameArn = try await store.createExecution(r, operations: [], events: [], timers: [])
        try expect(sameArn == .existing(r), "same ARN answers the existing record")
        var other = record("a", function: "fn2")
        other.executionId = "id-fn2-a"
        try await create(store, other)
    }

    static func operationsComeInStartOrderWithChangeSequences(_ store: any ExecutionStore) async throws {
        var r = try await create(store, record("ops"))
        var m = ExecutionMutation(record: r, operations: [step("s2", position: 2, sequence: 3), step("s1", position: 1, sequence: 2)])
        m.record.lastSequence = 3
        m.record.lastPosition = 2
        r = try await store.commit(m)
        var ops = try await store.operations(executionArn: r.arn)
        try expect(ops.map(\.id) == [r.executionId, "s1", "s2"], "start order, got \(ops.map(\.id))")
        try expect(ops[1] == step("s1", position: 1, sequence: 2), "operation round trip, meta included")
        var changed = step("s1", position: 1, sequence: 4, status: .succeeded)
        changed.operation.stepDetails = StepDetails(attempt: 1, result: "\"r\"")
        m = ExecutionMutation(record: r, operations: [changed])
        m.record.lastSequence = 4
        r = try await store.commit(m)
        ops = try await store.operations(executionArn: r.arn)
        try expect(ops.map(\.id) == [r.executionId, "s1", "s2"], "an update keeps the start order")
        try expect(ops[1] == changed, "update replaces the row")
        let delta = try await store.operations(executionArn: r.arn, changedAfter: 2)
        try expect(delta.map(\.id) == ["s1", "s2"], "changed after 2, got \(delta.map(\.id))")
        try expect(try await store.operations(executionArn: r.arn, changedAfter: 4).isEmpty, "nothing after the last sequence")
    }

    static func commitChecksTheVersion(_ store: any ExecutionStore) async throws {
        let r = try await create(store, record("v"))
        var m = ExecutionMutation(record: r)
        m.record.status = .succeeded
        let stored = try await store.commit(m)
        try expect(stored.version == r.version + 1, "commit bumps the version")
        try expect(try await store.execution(arn: r.arn) == stored, "commit stores the record")
        do {
            _ = try await store.commit(ExecutionMutation(record: r))
            throw ConformanceFailure(description: "a stale version was accepted")
        } catch let error as ExecutionStoreError {
            try expect(error == .versionConflict(arn: r.arn, expected: r.version, actual: stored.version), "conflict error, got \(error)")
        }
        do {
            var missing = r
            missing.arn += "-missing"
            _ = try await store.commit(ExecutionMutation(record: missing))
            throw ConformanceFailure(description: "a commit to an unknown execution was accepted")
        } catch is ExecutionStoreError {}
    }

    static func eventsPageForwardAndBackward(_ store: any ExecutionStore) async throws {
        let r = try await create(store, record("ev"))
        let events = (2...6).map { HistoryEvent(eventType: .stepStarted, eventId: $0, eventTimestamp: start, id: "s\($0)") }
        var m = ExecutionMutation(record: r, events: events)
        m.record.lastEventId = 6
        let stored = try await store.commit(m)
        let all = try await store.events(executionArn: r.arn, after: nil, limit: 100, reverse: false)
        try expect(all.map(\.eventId) == [1, 2, 3, 4, 5, 6], "all events in order, got \(all.map(\.eventId))")
        try expect(all[0] == started(r) && all[1] == events[0], "events round trip")
        try expect(try await store.events(executionArn: r.arn, after: 2, limit: 2, reverse: false).map(\.eventId) == [3, 4], "after/limit")
        try expect(try await store.events(executionArn: r.arn, after: nil, limit: 2, reverse: true).map(\.eventId) == [6, 5], "reverse")
        try expect(try await store.events(executionArn: r.arn, after: 5, limit: 10, reverse: true).map(\.eventId) == [4, 3, 2, 1], "reverse after")
        do {
            let gap = HistoryEvent(eventType: .stepStarted, eventId: 9, eventTimestamp: start)
            _ = try await store.commit(ExecutionMutation(record: stored, events: [gap]))
            throw ConformanceFailure(description: "an event id gap was accepted")
        } catch is ExecutionStoreError {}
    }

    static func timersArmReplaceDisarmAndFallDue(_ store: any ExecutionStore) async throws {
        let a = record("ta"), b = record("tb")
        let timeoutA = DurableTimer(executionArn: a.arn, kind: .executionTimeout, dueAt: start.addingTimeInterval(3600))
        var ra = try await create(store, a, timers: [timeoutA])
        let rb = try await create(store, b)
        try expect(try await store.nextTimerDate() == timeoutA.dueAt, "initial timer armed")
        let wait = DurableTimer(executionArn: a.arn, kind: .waitEnd, operationId: "w", dueAt: start.addingTimeInterval(10))
        let heartbeat = DurableTimer(executionArn: a.arn, kind: .callbackHeartbeat, operationId: "c", dueAt: start.addingTimeInterval(20))
        ra = try await store.commit(ExecutionMutation(record: ra, armTimers: [wait, heartbeat]))
        let retry = DurableTimer(executionArn: b.arn, kind: .stepRetry, operationId: "s", dueAt: start.addingTimeInterval(5))
        _ = try await store.commit(ExecutionMutation(record: rb, armTimers: [retry]))
        try expect(try await store.nextTimerDate() == retry.dueAt, "next timer is the earliest")
        var due = try await store.dueTimers(at: start.addingTimeInterval(15), limit: 10)
        try expect(due == [retry, wait], "due timers earliest first, got \(due)")
        try expect(try await store.dueTimers(at: start.addingTimeInterval(15), limit: 1) == [retry], "limit")
        // Re-arming the same key replaces it.
        let later = DurableTimer(key: heartbeat.key, dueAt: start.addingTimeInterval(40))
        ra = try await store.commit(ExecutionMutation(record: ra, armTimers: [later], disarmTimers: [wait.key]))
        due = try await store.dueTimers(at: start.addingTimeInterval(30), limit: 10)
        try expect(due == [retry], "disarmed and re-armed, got \(due)")
        let timersOfA = try await store.timers(executionArn: a.arn)
        try expect(Set(timersOfA) == [timeoutA, later], "timers of one execution, got \(timersOfA)")
        try expect(try await store.dueTimers(at: start, limit: 10).isEmpty, "nothing due at the start")
    }

    static func callbackIdsResolve(_ store: any ExecutionStore) async throws {
        let r = try await create(store, record("cb"))
        let entry = CallbackIndexEntry(callbackId: "Q2FsbGJhY2s+/w==", executionArn: r.arn, operationId: "c1")
        _ = try await store.commit(ExecutionMutation(record: r, callbacks: [entry]))
        try expect(try await store.callback(id: entry.callbackId) == entry, "callback id resolves")
        try expect(try await store.callback(id: "Zm9yZ2Vk") == nil, "unknown callback id")
    }

    static func listingFiltersOrdersAndPages(_ store: any ExecutionStore) async throws {
        var records: [ExecutionRecord] = []
        for i in 0..<5 { records.append(try await create(store, record("l\(i)", startOffset: TimeInterval(i * 10)))) }
        try await create(store, record("v1", qualifier: "1", startOffset: 100))
        try await create(store, record("x", function: "other"))
        var done = records[1]
        done.status = .succeeded
        done.endTimestamp = start.addingTimeInterval(50)
        _ = try await store.commit(ExecutionMutation(record: done))

        func names(_ q: ExecutionListQuery) async throws -> [String] { try await store.listExecutions(q).records.map(\.executionName) }
        try expect(try await names(ExecutionListQuery(functionName: "fn")) == ["l0", "l1", "l2", "l3", "l4", "v1"], "all, oldest first")
        try expect(try await names(ExecutionListQuery(functionName: "fn", qualifier: "1")) == ["v1"], "qualifier")
        try expect(try await names(ExecutionListQuery(functionName: "fn", executionName: "l3")) == ["l3"], "name")
        try expect(try await names(ExecutionListQuery(functionName: "fn", statuses: [.succeeded])) == ["l1"], "status")
        try expect(try await names(ExecutionListQuery(functionName: "fn", startedAfter: start.addingTimeInterval(15),
                                                      startedBefore: start.addingTimeInterval(35))) == ["l2", "l3"], "started window")
        try expect(try await names(ExecutionListQuery(functionName: "fn", reverseOrder: true)).first == "v1", "reverse")
        var seen: [String] = []
        var marker: String?
        repeat {
            let page = try await store.listExecutions(ExecutionListQuery(functionName: "fn", reverseOrder: true, marker: marker, maxItems: 4))
            seen += page.records.map(\.executionName)
            marker = page.nextMarker
        } while marker != nil
        try expect(seen == ["v1", "l4", "l3", "l2", "l1", "l0"], "paged reverse listing, got \(seen)")
        do {
            _ = try await store.listExecutions(ExecutionListQuery(functionName: "fn", marker: "%%%"))
            throw ConformanceFailure(description: "a garbled marker was accepted")
        } catch let error as DurableServiceError {
            try expect(error.type == "InvalidParameterValueException", "garbled marker error type")
        }
    }

    static func awaitingInvocationListsQueuedAndRunning(_ store: any ExecutionStore) async throws {
        var queued = record("q")
        queued.invocationPhase = .queued
        var running = record("r", startOffset: 1)
        running.invocationPhase = .running
        try await create(store, queued)
        try await create(store, running)
        try await create(store, record("idle"))
        var closed = record("closed")
        closed.invocationPhase = .queued
        closed.status = .failed
        try await create(store, closed)
        let names = try await store.executionsAwaitingInvocation().map(\.executionName)
        try expect(names.sorted() == ["q", "r"], "queued and running RUNNING executions, got \(names)")
    }

    static func purgeRemovesClosedExecutionsPastRetention(_ store: any ExecutionStore) async throws {
        let old = try await create(store, record("old"), timers: [DurableTimer(executionArn: record("old").arn, kind: .executionTimeout, dueAt: start)])
        var closed = old
        closed.status = .succeeded
        closed.endTimestamp = start
        closed.purgeAfter = start.addingTimeInterval(86_400)
        _ = try await store.commit(ExecutionMutation(record: closed, disarmTimers: [], callbacks: [
            CallbackIndexEntry(callbackId: "b2xk", executionArn: old.arn, operationId: "c")]))
        try await store.appendLogs(executionArn: old.arn, records: [log(old.arn, 0)])
        try await create(store, record("live"))
        try expect(try await store.purgeClosedExecutions(before: start.addingTimeInterval(86_399)) == 0, "nothing before retention ends")
        try expect(try await store.purgeClosedExecutions(before: start.addingTimeInterval(86_400)) == 1, "one purged")
        try expect(try await store.execution(arn: old.arn) == nil, "purged execution is gone")
        try expect(try await store.callback(id: "b2xk") == nil, "its callback ids are gone")
        try expect(try await store.timers(executionArn: old.arn).isEmpty, "its timers are gone")
        try expect(try await store.events(executionArn: old.arn, after: nil, limit: 10, reverse: false).isEmpty, "its events are gone")
        try expect(try await store.logs(executionArn: old.arn, after: 0, limit: 10).isEmpty, "its logs are gone")
        try expect(try await store.execution(functionName: "fn", executionName: "live") != nil, "running executions stay")
        try await create(store, record("old"))
    }

    static func log(_ arn: String, _ n: Int, requestId: String = "req-1") -> ExecutionLogRecord {
        ExecutionLogRecord(timestamp: start.addingTimeInterval(TimeInterval(n) / 1000), executionArn: arn, requestId: requestId,
                           level: n.isMultiple(of: 2) ? "INFO" : "ERROR",
                           message: n.isMultiple(of: 3) ? "{\"plugin\":\"P\",\"n\":\(n)}" : "line \(n) ü",
                           operationId: n.isMultiple(of: 2) ? "op-\(n)" : nil, attempt: n.isMultiple(of: 4) ? n : nil)
    }

    static func logsAppendInOrderAndPage(_ store: any ExecutionStore) async throws {
        let a = try await create(store, record("la"))
        let b = try await create(store, record("lb"))
        let first = (0..<3).map { log(a.arn, $0) }
        // Records with equal timestamps keep their append order.
        var second = (3..<6).map { log(a.arn, $0, requestId: "req-2") }
        second[1].timestamp = second[0].timestamp
        try await store.appendLogs(executionArn: a.arn, records: first)
        try await store.appendLogs(executionArn: b.arn, records: [log(b.arn, 9)])
        try await store.appendLogs(executionArn: a.arn, records: [])
        try await store.appendLogs(executionArn: a.arn, records: second)
        let all = try await store.logs(executionArn: a.arn, after: 0, limit: 100)
        try expect(all == first + second, "all records in append order, got \(all.map(\.message))")
        try expect(try await store.logs(executionArn: a.arn, after: 2, limit: 2) == [first[2], second[0]], "after/limit")
        try expect(try await store.logs(executionArn: a.arn, after: 6, limit: 10).isEmpty, "nothing after the last record")
        try expect(try await store.logs(executionArn: a.arn, after: 0, limit: 0).isEmpty, "limit 0")
        try expect(try await store.logs(executionArn: b.arn, after: 0, limit: 10) == [log(b.arn, 9)], "logs are per execution")
        try expect(try await store.logs(executionArn: a.arn + "x", after: 0, limit: 10).isEmpty, "unknown execution has no logs")
        do {
            try await store.appendLogs(executionArn: a.arn + "x", records: [log(a.arn + "x", 1)])
            throw ConformanceFailure(description: "logs of an unknown execution were accepted")
        } catch let error as ExecutionStoreError {
            try expect(error == .executionNotFound(arn: a.arn + "x"), "unknown execution error, got \(error)")
        }
    }

    /// A snapshot (cached or verified) must equal a fresh read after any commit: one that changes only
    /// the counters, token and receipt (which a store may write apart from the rest), one that changes
    /// other fields, and one that clears the receipt.
    static func snapshotsFollowEveryKindOfCommit(_ store: any ExecutionStore) async throws {
        var r = try await create(store, record("snap"))
        func agree(_ label: String) async throws {
            let fresh = try await store.execution(arn: r.arn)
            try expect(fresh == r, "\(label): execution(arn:) is the committed record, got \(String(describing: fresh))")
            let ordered = try await store.operations(executionArn: r.arn)
            for verified in [false, true] {
                let snapshot = try await store.snapshot(executionArn: r.arn, verified: verified)
                try expect(snapshot?.record == r, "\(label): snapshot(verified: \(verified)) record")
                let ops = snapshot?.operations.values.sorted { $0.position < $1.position } ?? []
                try expect(ops == ordered, "\(label): snapshot(verified: \(verified)) operations")
                for after in [0, 1, r.lastSequence - 1] {
                    let delta = snapshot?.operations.changed(after: after).map(\.id).sorted()
                    let expected = try await store.operations(executionArn: r.arn, changedAfter: after).map(\.id).sorted()
                    try expect(delta == expected, "\(label): changed(after: \(after)) \(String(describing: delta)) vs \(expected)")
                }
            }
        }
        try await agree("created")
        // An invocation starts: a change beyond the counters.
        var m = ExecutionMutation(record: r)
        m.record.invocationPhase = .running
        m.record.checkpointToken = "t1"
        _ = try await store.snapshot(executionArn: r.arn, verified: false)
        r = try await store.commit(m)
        try await agree("invocation began")
        // Checkpoints: counters, token and receipt only.
        for n in 1...3 {
            _ = try await store.snapshot(executionArn: r.arn, verified: false)
            m = ExecutionMutation(record: r, operations: [step("s\(n)", position: n, sequence: r.lastSequence + 1, status: .succeeded)],
                                  events: [HistoryEvent(eventType: .stepSucceeded, eventId: r.lastEventId + 1, eventTimestamp: start, id: "s\(n)")])
            m.record.lastSequence += 1
            m.record.lastPosition = n
            m.record.lastEventId += 1
            m.record.observedSequence = m.record.lastSequence
            m.record.lastCheckpoint = CachedCheckpoint(clientToken: "c\(n)", inboundToken: "t\(n)", responseToken: "t\(n + 1)",
                                                       observedBefore: r.observedSequence)
            m.record.checkpointToken = "t\(n + 1)"
            r = try await store.commit(m)
            try await agree("checkpoint \(n)")
        }
        // A service-side change to an operation, then the invocation ends and clears the receipt.
        _ = try await store.snapshot(executionArn: r.arn, verified: false)
        m = ExecutionMutation(record: r, operations: [step("s1", position: 1, sequence: r.lastSequence + 1, status: .failed)])
        m.record.lastSequence += 1
        r = try await store.commit(m)
        try await agree("operation changed again")
        m = ExecutionMutation(record: r)
        m.record.invocationPhase = .idle
        m.record.checkpointToken = nil
        m.record.lastCheckpoint = nil
        m.record.failedInvocations = 1
        r = try await store.commit(m)
        try await agree("invocation ended")
    }
}
