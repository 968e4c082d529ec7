import DurableModel
import DurableServer
import DurableSQLite
import Foundation
import Testing

/// Random workloads applied to the in-memory store and to SQLite side by side: every answer must match.
///
/// The workload keeps the values the in-memory store orders by distinct (operation positions, timer
/// due dates, start times) where its order would otherwise be unspecified.
@Suite("SQLite matches the in-memory store")
struct StoreDifferentialTests {
    typealias F = StoreFixture

    /// One step's outcome on one store, comparable across stores.
    enum Outcome: Equatable {
        case created(ExecutionRecord)
        case existing(ExecutionRecord)
        case committed(ExecutionRecord)
        case purged(Int)
        case failed(String)

        /// The outcome's kind, to check a workload's coverage.
        var kind: String {
            switch self {
            case .created: "created"
            case .existing: "existing"
            case .committed: "committed"
            case .purged(let count): count > 0 ? "purged" : "purgedNothing"
            case .failed(let error): String(error.prefix { $0 != "(" })
            }
        }
    }

    struct Workload {
        var rng: SplitMix64
        var names: [String] = []
        var arns: [String] = []
        var clock = 0.0
        var nextPosition: [String: Int] = [:]
        var nextSequence: [String: Int] = [:]
        var timerKeys: [TimerKey] = []
        var callbackIds: [String] = []

        init(seed: UInt64) { rng = SplitMix64(seed: seed) }

        mutating func tick() -> Date {
            clock += Double(Int.random(in: 1...1000, using: &rng)) / 7 // Sub-second, non-round offsets.
            return F.t0.addingTimeInterval(clock)
        }

        mutating func pick<T>(_ values: [T]) -> T? { values.isEmpty ? nil : values[Int.random(in: 0..<values.count, using: &rng)] }

        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
    }

    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64])
    func randomWorkloadsAnswerIdentically(seed: UInt64) async throws {
        let reference = InMemoryExecutionStore()
        let sqlite = try StoreFixture.make(.sqliteFile)
        defer { sqlite.tearDown() }
        let stores: [any ExecutionStore] = [reference, sqlite.store]
        var w = Workload(seed: seed)
        var seen: Set<String> = []

        for step in 0..<200 {
            // Decide the step once, then apply it to both stores.
            let action = try await makeAction(&w, reading: reference)
            var outcomes: [Outcome] = []
            for store in stores { outcomes.append(await apply(action, to: store)) }
            #expect(outcomes[0] == outcomes[1], "seed \(seed) step \(step): \(action.label)")
            seen.insert(outcomes[0].kind)
            if step % 10 == 9 { try await compareReads(&w, stores, context: "seed \(seed) step \(step)") }
        }
        try await compareReads(&w, stores, context: "seed \(seed) end")
        // The workload is only worth something if it reached every kind of answer.
        #expect(seen.isSuperset(of: ["created", "existing", "committed", "purged", "versionConflict", "eventIdGap", "executionNotFound"]),
                "seed \(seed) reached only \(seen.sorted())")
    }

    // MARK: - Actions

    enum Action: Sendable {
        case create(ExecutionRecord, [StoredOperation], [HistoryEvent], [DurableTimer])
        case commit(ExecutionMutation)
        case purge(Date)

        var label: String {
            switch self {
            case .create(let r, _, _, _): "create \(r.executionName)"
            case .commit(let m): "commit \(m.record.executionName) v\(m.record.version)"
            case .purge(let date): "purge \(date.timeIntervalSince(F.t0))"
            }
        }
    }

    func makeAction(_ w: inout Workload, reading reference: InMemoryExecutionStore) async throws -> Action {
        let roll = Int.random(in: 0..<100, using: &w.rng)
        if roll < 20 || w.arns.isEmpty {
            // Sometimes reuse a name (idempotent create) or an ARN.
            let name = w.chance(20) ? (w.pick(w.names) ?? "n0") : "n\(w.names.count)"
            let function = w.chance(20) ? "billing" : "orders"
            var record = F.record(name, function: function, qualifier: w.chance(30) ? "7" : "$LATEST", start: w.tick())
            if w.chance(10), let arn = w.pick(w.arns) { record.arn = arn }
            if w.chance(30) { record.invocationPhase = .queued }
            if !w.names.contains(name) { w.names.append(name) }
            if !w.arns.contains(record.arn) { w.arns.append(record.arn) }
            let exec = F.operation("exec", position: 0, sequence: 1, start: record.startTimestamp)
            let timer = DurableTimer(executionArn: record.arn, kind: .executionTimeout, dueAt: w.tick())
            return .create(record, [exec], [F.event(1, at: record.startTimestamp)], [timer])
        }
        if roll < 25 {
            return .purge(w.tick().addingTimeInterval(Double(Int.random(in: -3000...3000, using: &w.rng))))
        }
        let arn = w.pick(w.arns)!
        guard var record = try await reference.execution(arn: arn) else {
            // Purged or never created: a commit must fail the same way on both.
            var ghost = F.record("ghost")
            ghost.arn = arn
            return .commit(ExecutionMutation(record: ghost))
        }
        if w.chance(10) { record.version -= 1 } // Stale read.
        let lastEvent = try await reference.events(executionArn: arn, after: nil, limit: 1, reverse: true).first?.eventId ?? 0
        var mutation = ExecutionMutation(record: record)
        let eventCount = Int.random(in: 0...3, using: &w.rng)
        let firstId = lastEvent + 1 + (w.chance(8) ? 1 : 0) // Occasionally a gap.
        mutation.events = (0..<eventCount).map { F.event(firstId + $0, operationId: "op", at: w.tick()) }
        let existingOps = try await reference.operations(executionArn: arn)
        for _ in 0..<Int.random(in: 0...3, using: &w.rng) {
            let sequence = (w.nextSequence[arn] ?? 1) + 1
            w.nextSequence[arn] = sequence
            if w.chance(40), var op = w.pick(existingOps) {
                op.sequence = sequence
                op.operation.status = .succeeded
                op.operation.endTimestamp = w.tick()
                mutation.operations.removeAll { $0.id == op.id }
                mutation.operations.append(op)
            } else {
                let position = (w.nextPosition[arn] ?? 0) + 1
                w.nextPosition[arn] = position
                mutation.operations.append(F.operation("op\(position)", position: position, sequence: sequence, start: w.tick()))
            }
        }
        for _ in 0..<Int.random(in: 0...2, using: &w.rng) {
            let kind = w.pick(TimerKind.allCases)!
            let key = TimerKey(executionArn: arn, kind: kind, operationId: kind == .executionTimeout ? nil : "op\(Int.random(in: 1...3, using: &w.rng))")
            mutation.armTimers.removeAll { $0.key == key }
            mutation.armTimers.append(DurableTimer(key: key, dueAt: w.tick()))
            w.timerKeys.append(key)
        }
        if w.chance(30), let key = w.pick(w.timerKeys) { mutation.disarmTimers.append(key) }
        if w.chance(20) {
            let id = "cb-\(w.callbackIds.count)"
            w.callbackIds.append(id)
            mutation.callbacks.append(CallbackIndexEntry(callbackId: id, executionArn: arn, operationId: "op1"))
        }
        if w.chance(15) {
            mutation.record.status = w.pick([.succeeded, .failed, .timedOut, .stopped])!
            mutation.record.endTimestamp = w.tick()
            mutation.record.purgeAfter = w.chance(80) ? w.tick() : nil
            mutation.record.invocationPhase = .idle
        } else if w.chance(30) {
            mutation.record.invocationPhase = w.pick([.idle, .queued, .running])!
        } else if w.chance(10) {
            mutation.record.purgeAfter = w.tick() // Never purged while RUNNING, whatever the date.
        }
        mutation.record.lastSequence = w.nextSequence[arn] ?? 1
        return .commit(mutation)
    }

    func apply(_ action: Action, to store: any ExecutionStore) async -> Outcome {
        do {
            switch action {
            case .create(let record, let ops, let events, let timers):
                switch try await store.createExecution(record, operations: ops, events: events, timers: timers) {
                case .created(let r): return .created(r)
                case .existing(let r): return .existing(r)
                }
            case .commit(let mutation):
                return .committed(try await store.commit(mutation))
            case .purge(let date):
                return .purged(try await store.purgeClosedExecutions(before: date))
            }
        } catch {
            return .failed(String(describing: error))
        }
    }

    // MARK: - Reads

    func compareReads(_ w: inout Workload, _ stores: [any ExecutionStore], context: String) async throws {
        let (a, b) = (stores[0], stores[1])
        for arn in w.arns {
            #expect(try await a.execution(arn: arn) == b.execution(arn: arn), "\(context) execution \(arn)")
            #expect(try await a.operations(executionArn: arn) == b.operations(executionArn: arn), "\(context) operations")
            let after = Int.random(in: -1...8, using: &w.rng)
            #expect(try await a.operations(executionArn: arn, changedAfter: after) == b.operations(executionArn: arn, changedAfter: after),
                    "\(context) operations changed after \(after)")
            let from = w.chance(30) ? nil : Int.random(in: 0...12, using: &w.rng)
            let limit = Int.random(in: 0...5, using: &w.rng)
            let reverse = w.chance(50)
            #expect(try await a.events(executionArn: arn, after: from, limit: limit, reverse: reverse)
                        == b.events(executionArn: arn, after: from, limit: limit, reverse: reverse), "\(context) events")
            #expect(try await Set(a.timers(executionArn: arn)) == Set(b.timers(executionArn: arn)), "\(context) timers of \(arn)")
        }
        for name in w.names {
            for function in ["orders", "billing"] {
                #expect(try await a.execution(functionName: function, executionName: name)
                            == b.execution(functionName: function, executionName: name), "\(context) by name")
            }
        }
        for id in w.callbackIds { #expect(try await a.callback(id: id) == b.callback(id: id), "\(context) callback \(id)") }
        #expect(try await a.nextTimerDate() == b.nextTimerDate(), "\(context) next timer")
        let now = F.t0.addingTimeInterval(Double(Int.random(in: 0...Int(w.clock + 10), using: &w.rng)))
        let limit = Int.random(in: 1...20, using: &w.rng)
        #expect(try await a.dueTimers(at: now, limit: limit) == b.dueTimers(at: now, limit: limit), "\(context) due timers")
        #expect(try await a.executionsAwaitingInvocation() == b.executionsAwaitingInvocation(), "\(context) awaiting")

        // A listing walked page by page with random filters.
        var query = ExecutionListQuery(functionName: w.chance(80) ? "orders" : "billing")
        if w.chance(20) { query.qualifier = "7" }
        if w.chance(20) { query.statuses = [w.pick(ExecutionStatus.allCases)!, w.pick(ExecutionStatus.allCases)!] }
        if w.chance(20) { query.startedAfter = F.t0.addingTimeInterval(Double.random(in: 0...w.clock, using: &w.rng)) }
        if w.chance(20) { query.startedBefore = F.t0.addingTimeInterval(Double.random(in: 0...w.clock, using: &w.rng)) }
        if w.chance(10), let name = w.pick(w.names) { query.executionName = name }
        query.reverseOrder = w.chance(50)
        query.maxItems = Int.random(in: 1...4, using: &w.rng)
        for _ in 0..<50 {
            let pageA = try await a.listExecutions(query)
            let pageB = try await b.listExecutions(query)
            #expect(pageA == pageB, "\(context) listing \(query)")
            guard let marker = pageA.nextMarker, pageA == pageB else { break }
            query.marker = marker
        }
    }
}
