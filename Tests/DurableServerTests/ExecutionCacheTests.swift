import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("ExecutionCache: which executions stay decoded")
struct ExecutionCacheTests {
    static func record(_ name: String, phase: InvocationPhase, version: Int = 1) -> ExecutionRecord {
        var record = ExecutionRecord(
            arn: "arn:\(name)", functionName: "fn", qualifier: "$LATEST", executionName: name, executionId: name,
            functionArn: "arn:fn", executedVersion: "$LATEST", startTimestamp: Date(), inputPayload: nil,
            executionTimeoutSeconds: 60, retentionPeriodDays: 1)
        record.invocationPhase = phase
        record.version = version
        return record
    }

    /// Caches `name` running, then commits it idle having armed `timers` in an earlier commit.
    static func goIdle(_ cache: ExecutionCache, _ name: String, timerIn seconds: TimeInterval?) -> ExecutionRecord {
        let running = record(name, phase: .running, version: 1)
        cache.store(running, operations: OperationIndex([]))
        let timers = seconds.map { [DurableTimer(executionArn: running.arn, kind: .waitEnd, operationId: "w", dueAt: Date().addingTimeInterval($0))] } ?? []
        cache.apply(committed: record(name, phase: .running, version: 2), baseVersion: 1, operations: [], armedTimers: timers)
        let idle = record(name, phase: .idle, version: 3)
        cache.apply(committed: idle, baseVersion: 2, operations: [])
        return idle
    }

    @Test func anIdleExecutionStaysOnlyWhileItsTimerIsDueSoon() {
        let cache = ExecutionCache(wakeHorizon: 30)
        let soon = Self.goIdle(cache, "soon", timerIn: 1)
        let late = Self.goIdle(cache, "late", timerIn: 3600)
        let none = Self.goIdle(cache, "none", timerIn: nil)
        let past = Self.goIdle(cache, "past", timerIn: -1)
        #expect(cache.record(soon.arn, version: 3) == soon)
        #expect(cache.record(late.arn, version: 3) == nil)
        #expect(cache.record(none.arn, version: 3) == nil)
        #expect(cache.record(past.arn, version: 3) == nil)
        // Once the timer has fired and the execution closes, it goes too.
        var closed = Self.record("soon", phase: .idle, version: 4)
        closed.status = .succeeded
        cache.apply(committed: closed, baseVersion: 3, operations: [])
        #expect(cache.snapshot(soon.arn) == nil)
    }

    @Test func aFullCacheEvictsAnIdleExecutionBeforeAnActiveOne() {
        let cache = ExecutionCache(capacity: 3, wakeHorizon: 30)
        cache.store(Self.record("a", phase: .running), operations: OperationIndex([]))
        let idle = Self.goIdle(cache, "b", timerIn: 1)
        cache.store(Self.record("c", phase: .queued), operations: OperationIndex([]))
        cache.store(Self.record("d", phase: .running), operations: OperationIndex([]))
        #expect(cache.record(idle.arn, version: 3) == nil)
        #expect(cache.record("arn:a", version: 1) != nil)
        #expect(cache.record("arn:c", version: 1) != nil)
        #expect(cache.record("arn:d", version: 1) != nil)
    }
}
