import DurableModel
import DurableServer
@testable import DurableSQLite
import Foundation
import GRDB
import Testing

/// The store contract, run on SQLite (file and memory) and on the in-memory reference store.
@Suite("SQLiteExecutionStore")
struct SQLiteExecutionStoreTests {
    typealias F = StoreFixture

    // MARK: - Create

    @Test(arguments: StoreKind.allCases)
    func createIsIdempotentByArnAndByName(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let record = F.record("a")
        let ops = [F.operation("exec", position: 0, sequence: 1)]
        let timer = DurableTimer(executionArn: record.arn, kind: .executionTimeout, dueAt: F.t0.addingTimeInterval(900))
        #expect(try await store.createExecution(record, operations: ops, events: [F.event(1)], timers: [timer]) == .created(record))
        #expect(try await store.execution(arn: record.arn) == record)
        #expect(try await store.execution(functionName: "orders", executionName: "a") == record)
        #expect(try await store.operations(executionArn: record.arn) == ops)
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false) == [F.event(1)])
        #expect(try await store.nextTimerDate() == timer.dueAt)

        // Same ARN: the stored row comes back and nothing is written.
        var sameArn = record
        sameArn.inputPayload = "other"
        #expect(try await store.createExecution(sameArn, operations: [], events: [], timers: []) == .existing(record))
        // Same (function, name) under another ARN: also the existing one.
        var sameName = F.record("a")
        sameName.arn = "arn:other"
        #expect(try await store.createExecution(sameName, operations: [], events: [], timers: []) == .existing(record))
        #expect(try await store.execution(arn: "arn:other") == nil)
        // Same name under another function is a different execution.
        let otherFunction = F.record("a", function: "billing")
        #expect(try await store.createExecution(otherFunction, operations: [], events: [], timers: []) == .created(otherFunction))
        #expect(try await store.execution(functionName: "billing", executionName: "a") == otherFunction)
        #expect(try await store.execution(arn: "arn:missing") == nil)
        #expect(try await store.execution(functionName: "orders", executionName: "missing") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func datesAndPayloadsRoundTripExactly(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        // Sub-millisecond and pre-1973 instants: millisecond JSON would change both.
        var record = F.record("exact", start: Date(timeIntervalSinceReferenceDate: 786_000_000.123456789))
        record.endTimestamp = Date(timeIntervalSince1970: 1_000.5)
        record.error = ErrorObject(errorType: "E", errorMessage: "ü ✓ \"quoted\"", stackTrace: ["a", "b"])
        record.currentInvocation = InvocationTicket(requestId: "r", startTimestamp: Date(timeIntervalSince1970: 0.000_1))
        record.checkpointedCompletion = .failed(ErrorObject(errorMessage: "x"))
        record.deferredChainedResults = [ChainedOutcome(operationId: "c", status: .succeeded, result: "1")]
        let op = F.operation("o", position: 1, sequence: 1, start: Date(timeIntervalSinceReferenceDate: 0.1))
        let event = F.event(1, at: Date(timeIntervalSinceReferenceDate: 1e-9))
        let timer = DurableTimer(executionArn: record.arn, kind: .waitEnd, operationId: "o",
                                 dueAt: Date(timeIntervalSinceReferenceDate: 786_000_000.987654321))
        _ = try await store.createExecution(record, operations: [op], events: [event], timers: [timer])
        #expect(try await store.execution(arn: record.arn) == record)
        #expect(try await store.operations(executionArn: record.arn) == [op])
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 1, reverse: false) == [event])
        #expect(try await store.dueTimers(at: timer.dueAt, limit: 10) == [timer])
        #expect(try await store.dueTimers(at: timer.dueAt.addingTimeInterval(-1e-6), limit: 10) == [])
        #expect(try await store.nextTimerDate() == timer.dueAt)
    }

    // MARK: - Commit

    @Test(arguments: StoreKind.allCases)
    func commitBumpsVersionAndWritesOnlyNamedRows(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let (record, exec) = try await F.created("c", in: store)

        var next = record
        next.lastSequence = 2
        next.status = .running
        let step = F.operation("s1", position: 1, sequence: 2)
        let stored = try await store.commit(ExecutionMutation(record: next, operations: [step], events: [F.event(2, operationId: "s1")]))
        #expect(stored.version == 1)
        #expect(stored.lastSequence == 2)
        #expect(try await store.execution(arn: record.arn) == stored)
        #expect(try await store.operations(executionArn: record.arn) == [exec, step])

        // Replace one operation by id; the other stays untouched.
        var done = step
        done.operation.status = .succeeded
        done.sequence = 3
        let third = try await store.commit(ExecutionMutation(record: stored, operations: [done]))
        #expect(third.version == 2)
        #expect(try await store.operations(executionArn: record.arn) == [exec, done])
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false).map(\.eventId) == [1, 2])
    }

    /// A map-sized commit (past `EncodedRows.concurrentEncodingThreshold`, so its event batch is
    /// encoded in a second task) stores every operation and event as given, in order.
    @Test(arguments: StoreKind.allCases)
    func largeCommitStoresEveryOperationAndEventInOrder(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let (record, exec) = try await F.created("large", in: store)
        let count = EncodedRows.concurrentEncodingThreshold
        let operations = (1...count).map { F.operation("item-\($0)", position: $0, sequence: 2) }
        let events = (1...count).map { F.event($0 + 1, operationId: "item-\($0)") }
        var next = record
        next.lastSequence = 2
        let stored = try await store.commit(ExecutionMutation(record: next, operations: operations, events: events))
        #expect(stored.version == 1)
        #expect(try await store.operations(executionArn: record.arn) == [exec] + operations)
        let read = try await store.events(executionArn: record.arn, after: nil, limit: 1000, reverse: false)
        #expect(read == [F.event(1)] + events)
        // The next commit's events follow the batch's last one.
        let after = try await store.commit(ExecutionMutation(record: stored, events: [F.event(count + 2)]))
        #expect(after.version == 2)
    }

    @Test(arguments: StoreKind.allCases)
    func commitRejectsStaleVersionGapsAndUnknownExecutionsWithoutWriting(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let record = F.record("v")
        _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
        let current = try await store.commit(ExecutionMutation(record: record))
        #expect(current.version == 1)

        // The engine read version 0, the row is at 1.
        var stale = record
        stale.status = .failed
        let staleMutation = ExecutionMutation(
            record: stale, operations: [F.operation("x", position: 1, sequence: 1)], events: [F.event(2)],
            armTimers: [DurableTimer(executionArn: record.arn, kind: .waitEnd, operationId: "x", dueAt: F.t0)],
            callbacks: [CallbackIndexEntry(callbackId: "cb", executionArn: record.arn, operationId: "x")]
        )
        await #expect(throws: ExecutionStoreError.versionConflict(arn: record.arn, expected: 0, actual: 1)) {
            try await store.commit(staleMutation)
        }

        // Events must continue the stored history: 2 is next, 3 is a gap.
        let gap = ExecutionMutation(record: current, operations: [F.operation("y", position: 1, sequence: 1)],
                                    events: [F.event(3)],
                                    armTimers: [DurableTimer(executionArn: record.arn, kind: .waitEnd, operationId: "y", dueAt: F.t0)])
        await #expect(throws: ExecutionStoreError.eventIdGap(arn: record.arn, expected: 2, got: 3)) {
            try await store.commit(gap)
        }
        let repeated = ExecutionMutation(record: current, events: [F.event(2), F.event(2)])
        await #expect(throws: ExecutionStoreError.eventIdGap(arn: record.arn, expected: 3, got: 2)) {
            try await store.commit(repeated)
        }

        await #expect(throws: ExecutionStoreError.executionNotFound(arn: "arn:nope")) {
            var ghost = F.record("ghost")
            ghost.arn = "arn:nope"
            return try await store.commit(ExecutionMutation(record: ghost))
        }

        // Nothing of the refused mutations was written.
        #expect(try await store.execution(arn: record.arn) == current)
        #expect(try await store.operations(executionArn: record.arn) == [])
        #expect(try await store.events(executionArn: record.arn, after: nil, limit: 10, reverse: false).map(\.eventId) == [1])
        #expect(try await store.nextTimerDate() == nil)
        #expect(try await store.callback(id: "cb") == nil)

        // A correct mutation still goes through afterwards.
        let ok = try await store.commit(ExecutionMutation(record: current, events: [F.event(2), F.event(3)]))
        #expect(ok.version == 2)
    }

    @Test(arguments: StoreKind.allCases)
    func eventIdsFollowTheStoredHistoryNotTheRecord(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        var record = F.record("h")
        record.lastEventId = 7 // Ignored: the in-memory store continues from the last stored event.
        _ = try await store.createExecution(record, operations: [], events: [], timers: [])
        await #expect(throws: ExecutionStoreError.eventIdGap(arn: record.arn, expected: 1, got: 8)) {
            try await store.commit(ExecutionMutation(record: record, events: [F.event(8)]))
        }
        let stored = try await store.commit(ExecutionMutation(record: record, events: [F.event(1)]))
        #expect(stored.version == 1)
    }

    // MARK: - Operations

    @Test(arguments: StoreKind.allCases)
    func operationsComeInStartOrderAndFilterByChangeSequence(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let record = F.record("o")
        // Inserted out of order; ids sort differently from positions.
        let ops = [
            F.operation("zz", position: 3, sequence: 5),
            F.operation("aa", position: 1, sequence: 2),
            F.operation("exec", position: 0, sequence: 1),
            F.operation("mm", position: 2, sequence: 7),
        ]
        _ = try await store.createExecution(record, operations: ops, events: [], timers: [])
        #expect(try await store.operations(executionArn: record.arn).map(\.id) == ["exec", "aa", "mm", "zz"])
        #expect(try await store.operations(executionArn: record.arn, changedAfter: 2).map(\.id) == ["mm", "zz"])
        #expect(try await store.operations(executionArn: record.arn, changedAfter: 5).map(\.id) == ["mm"])
        #expect(try await store.operations(executionArn: record.arn, changedAfter: 7) == [])
        #expect(try await store.operations(executionArn: record.arn, changedAfter: -1).count == 4)
        #expect(try await store.operations(executionArn: "arn:none") == [])
    }

    // MARK: - Events

    @Test(arguments: StoreKind.allCases)
    func eventsPageForwardAndBackward(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let record = F.record("e")
        _ = try await store.createExecution(record, operations: [], events: [F.event(1)], timers: [])
        var current = record
        for id in 2...10 {
            current = try await store.commit(ExecutionMutation(record: current, events: [F.event(id)]))
        }
        func ids(_ after: Int?, _ limit: Int, _ reverse: Bool) async throws -> [Int] {
            try await store.events(executionArn: record.arn, after: after, limit: limit, reverse: reverse).map(\.eventId)
        }
        #expect(try await ids(nil, 3, false) == [1, 2, 3])
        #expect(try await ids(3, 3, false) == [4, 5, 6])
        #expect(try await ids(9, 3, false) == [10])
        #expect(try await ids(10, 3, false) == [])
        #expect(try await ids(nil, 3, true) == [10, 9, 8])
        #expect(try await ids(8, 3, true) == [7, 6, 5])
        #expect(try await ids(2, 3, true) == [1])
        #expect(try await ids(1, 3, true) == [])
        #expect(try await ids(nil, 0, false) == [])
        #expect(try await ids(nil, 100, false) == Array(1...10))
        #expect(try await store.events(executionArn: "arn:none", after: nil, limit: 5, reverse: true) == [])
    }

    // MARK: - Listing

    @Test(arguments: StoreKind.allCases)
    func listFiltersByFunctionQualifierNameStatusAndStartTime(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let a = F.record("a", start: F.t0)
        let b = F.record("b", qualifier: "3", start: F.t0.addingTimeInterval(10), status: .succeeded)
        let c = F.record("c", start: F.t0.addingTimeInterval(20), status: .failed)
        let other = F.record("a", function: "billing", start: F.t0.addingTimeInterval(5))
        for r in [c, other, a, b] { _ = try await store.createExecution(r, operations: [], events: [], timers: []) }

        func names(_ query: ExecutionListQuery) async throws -> [String] {
            try await store.listExecutions(query).records.map(\.executionName)
        }
        #expect(try await names(ExecutionListQuery(functionName: "orders")) == ["a", "b", "c"])
        #expect(try await names(ExecutionListQuery(functionName: "billing")) == ["a"])
        #expect(try await names(ExecutionListQuery(functionName: "nobody")) == [])
        #expect(try await names(ExecutionListQuery(functionName: "orders", qualifier: "3")) == ["b"])
        #expect(try await names(ExecutionListQuery(functionName: "orders", executionName: "c")) == ["c"])
        #expect(try await names(ExecutionListQuery(functionName: "orders", statuses: [.succeeded, .failed])) == ["b", "c"])
        #expect(try await names(ExecutionListQuery(functionName: "orders", statuses: [.running])) == ["a"])
        // Both bounds are exclusive.
        #expect(try await names(ExecutionListQuery(functionName: "orders", startedAfter: F.t0)) == ["b", "c"])
        #expect(try await names(ExecutionListQuery(functionName: "orders", startedBefore: F.t0.addingTimeInterval(20))) == ["a", "b"])
        #expect(try await names(ExecutionListQuery(functionName: "orders", startedAfter: F.t0.addingTimeInterval(0.0001),
                                                    startedBefore: F.t0.addingTimeInterval(19.9999))) == ["b"])
        #expect(try await names(ExecutionListQuery(functionName: "orders", reverseOrder: true)) == ["c", "b", "a"])
        // The full record comes back.
        #expect(try await store.listExecutions(ExecutionListQuery(functionName: "orders", executionName: "b")).records == [b])
    }

    @Test(arguments: StoreKind.allCases)
    func listPagesWithOpaqueMarkersInBothDirections(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        // Seven executions; three share a start time so the ARN breaks the tie.
        let starts: [(String, Double)] = [("e1", 0), ("e2", 1), ("e3", 1), ("e4", 1), ("e5", 2), ("e6", 3), ("e7", 4)]
        for (name, offset) in starts.reversed() {
            _ = try await store.createExecution(F.record(name, start: F.t0.addingTimeInterval(offset)),
                                                operations: [], events: [], timers: [])
        }
        func walk(reverse: Bool) async throws -> [[String]] {
            var pages: [[String]] = []
            var marker: String?
            repeat {
                let page = try await store.listExecutions(
                    ExecutionListQuery(functionName: "orders", reverseOrder: reverse, marker: marker, maxItems: 3))
                pages.append(page.records.map(\.executionName))
                marker = page.nextMarker
                if let marker { #expect(!marker.contains("orders"), "markers are opaque") }
            } while marker != nil && pages.count < 10
            return pages
        }
        #expect(try await walk(reverse: false) == [["e1", "e2", "e3"], ["e4", "e5", "e6"], ["e7"]])
        #expect(try await walk(reverse: true) == [["e7", "e6", "e5"], ["e4", "e3", "e2"], ["e1"]])

        // An exactly full last page has no next marker.
        let all = try await store.listExecutions(ExecutionListQuery(functionName: "orders", maxItems: 7))
        #expect(all.records.count == 7)
        #expect(all.nextMarker == nil)
        // maxItems 0 or nil means the default page size.
        #expect(try await store.listExecutions(ExecutionListQuery(functionName: "orders", maxItems: 0)).records.count == 7)

        await #expect(throws: DurableServiceError.invalidParameter("Invalid marker")) {
            try await store.listExecutions(ExecutionListQuery(functionName: "orders", marker: "not a marker!"))
        }
        // An empty marker starts at the beginning.
        #expect(try await store.listExecutions(ExecutionListQuery(functionName: "orders", marker: "", maxItems: 1))
            .records.map(\.executionName) == ["e1"])
    }

    // MARK: - Timers

    @Test(arguments: StoreKind.allCases)
    func timersFireInDueOrderAndCanBeReplacedOrDisarmed(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let record = F.record("t")
        let timeout = DurableTimer(executionArn: record.arn, kind: .executionTimeout, dueAt: F.t0.addingTimeInterval(900))
        _ = try await store.createExecution(record, operations: [], events: [], timers: [timeout])
        #expect(try await store.nextTimerDate() == timeout.dueAt)

        let wait = DurableTimer(executionArn: record.arn, kind: .waitEnd, operationId: "w", dueAt: F.t0.addingTimeInterval(30))
        let retry = DurableTimer(executionArn: record.arn, kind: .stepRetry, operationId: "s", dueAt: F.t0.addingTimeInterval(10))
        let heartbeat = DurableTimer(executionArn: record.arn, kind: .callbackHeartbeat, operationId: "c",
                                     dueAt: F.t0.addingTimeInterval(60))
        var current = try await store.commit(ExecutionMutation(record: record, armTimers: [wait, retry, heartbeat]))
        #expect(try await store.nextTimerDate() == retry.dueAt)
        #expect(try await store.dueTimers(at: F.t0, limit: 10) == [])
        #expect(try await store.dueTimers(at: F.t0.addingTimeInterval(30), limit: 10) == [retry, wait])
        #expect(try await store.dueTimers(at: F.t0.addingTimeInterval(1000), limit: 2) == [retry, wait])
        #expect(try await store.dueTimers(at: F.t0.addingTimeInterval(1000), limit: 10) == [retry, wait, heartbeat, timeout])

        // Re-arming a key replaces its due date; disarming removes it; the execution-level key has no operation.
        let later = DurableTimer(key: retry.key, dueAt: F.t0.addingTimeInterval(100))
        current = try await store.commit(ExecutionMutation(record: current, armTimers: [later],
                                                           disarmTimers: [wait.key, timeout.key]))
        #expect(try await store.dueTimers(at: F.t0.addingTimeInterval(1000), limit: 10) == [heartbeat, later])
        // Disarming and re-arming the same key in one mutation leaves it armed.
        let again = DurableTimer(key: heartbeat.key, dueAt: F.t0.addingTimeInterval(70))
        _ = try await store.commit(ExecutionMutation(record: current, armTimers: [again], disarmTimers: [heartbeat.key]))
        #expect(try await store.dueTimers(at: F.t0.addingTimeInterval(1000), limit: 10) == [again, later])
        #expect(try await store.nextTimerDate() == again.dueAt)

        // Per execution, earliest first; other executions' timers stay out.
        let other = F.record("other")
        let otherTimer = DurableTimer(executionArn: other.arn, kind: .executionTimeout, dueAt: F.t0)
        _ = try await store.createExecution(other, operations: [], events: [], timers: [otherTimer])
        #expect(try await store.timers(executionArn: record.arn) == [again, later])
        #expect(try await store.timers(executionArn: other.arn) == [otherTimer])
        #expect(try await store.timers(executionArn: "arn:none") == [])
    }

    // MARK: - Callbacks and recovery

    @Test(arguments: StoreKind.allCases)
    func callbacksResolveToTheirOperation(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let record = F.record("cb")
        _ = try await store.createExecution(record, operations: [], events: [], timers: [])
        let entry = CallbackIndexEntry(callbackId: "cb-1", executionArn: record.arn, operationId: "op-1")
        _ = try await store.commit(ExecutionMutation(record: record, callbacks: [entry]))
        #expect(try await store.callback(id: "cb-1") == entry)
        #expect(try await store.callback(id: "cb-2") == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func executionsAwaitingInvocationAreRunningWithAQueuedOrRunningInvocation(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        var queued = F.record("q", start: F.t0.addingTimeInterval(2))
        queued.invocationPhase = .queued
        var running = F.record("r", start: F.t0.addingTimeInterval(1))
        running.invocationPhase = .running
        let idle = F.record("i")
        var closed = F.record("x", status: .succeeded)
        closed.invocationPhase = .queued
        for r in [queued, running, idle, closed] { _ = try await store.createExecution(r, operations: [], events: [], timers: []) }
        #expect(try await store.executionsAwaitingInvocation() == [running, queued])

        var finished = try #require(try await store.execution(arn: running.arn))
        finished.invocationPhase = .idle
        _ = try await store.commit(ExecutionMutation(record: finished))
        #expect(try await store.executionsAwaitingInvocation().map(\.executionName) == ["q"])
    }

    // MARK: - Purge

    @Test(arguments: StoreKind.allCases)
    func purgeDeletesClosedExecutionsPastRetentionWithAllTheirRows(kind: StoreKind) async throws {
        let fixture = try F.make(kind)
        defer { fixture.tearDown() }
        let store = fixture.store
        let day: TimeInterval = 86_400
        var expired = F.record("old", status: .succeeded)
        expired.purgeAfter = F.t0.addingTimeInterval(day)
        var retained = F.record("kept", status: .failed)
        retained.purgeAfter = F.t0.addingTimeInterval(3 * day)
        var running = F.record("live")
        running.purgeAfter = F.t0 // A RUNNING execution is never purged, whatever the date says.
        let closedForever = F.record("nodate", status: .stopped)
        for r in [expired, retained, running, closedForever] {
            _ = try await store.createExecution(
                r, operations: [F.operation("exec", position: 0, sequence: 1)], events: [F.event(1)],
                timers: [DurableTimer(executionArn: r.arn, kind: .invocationRetry, dueAt: F.t0.addingTimeInterval(day * 10))])
            _ = try await store.commit(ExecutionMutation(
                record: r, callbacks: [CallbackIndexEntry(callbackId: "cb-\(r.executionName)", executionArn: r.arn, operationId: "c")]))
        }

        #expect(try await store.purgeClosedExecutions(before: F.t0.addingTimeInterval(day - 1)) == 0)
        #expect(try await store.purgeClosedExecutions(before: F.t0.addingTimeInterval(day)) == 1)
        #expect(try await store.execution(arn: expired.arn) == nil)
        #expect(try await store.execution(functionName: "orders", executionName: "old") == nil)
        #expect(try await store.operations(executionArn: expired.arn) == [])
        #expect(try await store.events(executionArn: expired.arn, after: nil, limit: 10, reverse: false) == [])
        #expect(try await store.callback(id: "cb-old") == nil)
        #expect(try await store.dueTimers(at: F.t0.addingTimeInterval(day * 11), limit: 10).map(\.key.executionArn)
                    .sorted() == [retained.arn, running.arn, closedForever.arn].sorted())
        #expect(try await store.callback(id: "cb-kept") != nil)
        #expect(try await store.operations(executionArn: retained.arn).count == 1)

        // The name is free again.
        let reused = F.record("old")
        #expect(try await store.createExecution(reused, operations: [], events: [], timers: []) == .created(reused))

        #expect(try await store.purgeClosedExecutions(before: F.t0.addingTimeInterval(day * 100)) == 1)
        #expect(try await store.execution(arn: retained.arn) == nil)
        #expect(try await store.execution(arn: running.arn) != nil)
        #expect(try await store.execution(arn: closedForever.arn) != nil)
    }
}
