import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("DurableEngine: an invocation's begin is stored with its first commit")
struct EngineStagedBeginTests {
    /// An engine on `store` whose function `fn` runs `handler`.
    private static func engine(_ store: any ExecutionStore, handler: @escaping DurableHandler) -> DurableEngine {
        let invoker = InProcessInvoker()
        invoker.register("fn", handler: handler)
        let engine = DurableEngine(store: store, invoker: invoker, clock: ManualClock())
        engine.register(FunctionConfiguration(name: "fn"))
        return engine
    }

    /// Runs `body` while `engine`'s invocation services run.
    private static func running<R: Sendable>(_ engine: DurableEngine, _ body: @Sendable () async throws -> R) async throws -> R {
        try await DurableEngine.running(engine.makeInvocationServices(), body)
    }

    private static func start(_ engine: DurableEngine) async throws -> String {
        try await engine.startExecution(StartExecutionRequest(functionName: "fn", inputPayload: "{}")).executionArn
    }

    @Test func theBeginIsStoredWithTheFirstCheckpointAndServedMeanwhile() async throws {
        let store = CommitCountingStore()
        let seen = Box<[String]>([])
        let engineBox = Box<DurableEngine?>(nil)
        let engine = Self.engine(store) { input, client in
            let arn = input.durableExecutionArn
            let requestId = try #require(InvocationLog.current?.requestId)
            // Nothing stored yet: the store still has the invocation queued.
            #expect(store.commits == 0)
            let before = try await store.execution(arn: arn)?.invocationPhase
            seen.update { $0.append("stored \(before.map { "\($0)" } ?? "-")") }
            // The token, state pages and log appends already see the running invocation.
            let page = try await client.executionState(executionArn: arn, token: input.checkpointToken, marker: "", maxItems: 10)
            seen.update { $0.append("page \(page.operations.map(\.type))") }
            try await engineBox.get?.appendInvocationLogs(executionArn: arn, request: AppendExecutionLogsRequest(
                requestId: requestId, records: [ExecutionLogEntry(timestamp: Date(), level: "INFO", message: "before")]))
            _ = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: [
                U.step("s1", .start), U.step("s1", .succeed, payload: "1"),
            ], clientToken: nil)
            let stored = try await store.execution(arn: arn)
            let phase = stored.map { "\($0.invocationPhase)" } ?? "-"
            seen.update { $0.append("stored \(phase) \(stored?.currentInvocation?.requestId == requestId)") }
            return InvocationOutput(status: .succeeded, result: "1")
        }
        engineBox.set(engine)
        let arn: String = try await Self.running(engine) { () async throws -> String in
            let arn = try await Self.start(engine)
            #expect(try await engine.waitForCompletion(executionArn: arn).status == .succeeded)
            return arn
        }
        #expect(seen.get == ["stored queued", "page [DurableModel.OperationType.execution]", "stored running true"])
        // The checkpoint carried the begin; the end is the second commit.
        #expect(store.commits == 2)
        let events = try await engine.history(executionArn: arn).events
        #expect(events.map(\.eventType) == [.executionStarted, .stepStarted, .stepSucceeded, .invocationCompleted, .executionSucceeded])
        #expect(try await engine.executionLogs(executionArn: arn).records.map(\.message) == ["before"])
    }

    @Test func anInvocationWithoutCheckpointsIsOneCommit() async throws {
        let store = CommitCountingStore()
        let engine = Self.engine(store) { _, _ in InvocationOutput(status: .succeeded, result: "\"done\"") }
        let arn: String = try await Self.running(engine) { () async throws -> String in
            let arn = try await Self.start(engine)
            #expect(try await engine.waitForCompletion(executionArn: arn).result == "\"done\"")
            return arn
        }
        #expect(store.commits == 1)
        let events = try await engine.history(executionArn: arn).events
        #expect(events.map(\.eventType) == [.executionStarted, .invocationCompleted, .executionSucceeded])
        #expect(events[1].details.requestId != nil)
    }

    @Test func aRefusedCommitLeavesTheBeginStagedAndTheTokenValid() async throws {
        let store = CommitCountingStore()
        let errors = Box<[String]>([])
        let engine = Self.engine(store) { input, client in
            let arn = input.durableExecutionArn
            let updates = [U.step("s1", .start), U.step("s1", .succeed, payload: "1")]
            store.refuseNextCommit()
            do {
                _ = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: updates, clientToken: nil)
            } catch {
                errors.update { $0.append("\(type(of: error))") }
            }
            // Nothing was stored, so the same token and batch go through on the second try.
            _ = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: updates, clientToken: nil)
            return InvocationOutput(status: .succeeded, result: "1")
        }
        let arn: String = try await Self.running(engine) { () async throws -> String in
            let arn = try await Self.start(engine)
            #expect(try await engine.waitForCompletion(executionArn: arn).status == .succeeded)
            return arn
        }
        #expect(errors.get == ["CommitRefused"])
        #expect(store.commits == 3)
        let events = try await engine.history(executionArn: arn).events
        #expect(events.map(\.eventType) == [.executionStarted, .stepStarted, .stepSucceeded, .invocationCompleted, .executionSucceeded])
    }

    @Test func aBeginLostWithItsProcessIsQueuedAgainWithoutATrace() async throws {
        let store = InMemoryExecutionStore()
        let first = Self.engine(store) { _, _ in InvocationOutput(status: .succeeded, result: "\"first\"") }
        let arn = try await Self.start(first)
        // The first process begins the invocation, then dies before its handler checkpoints.
        let begun = try #require(try await first.beginInvocation(arn))
        #expect(try await first.liveRecord(arn)?.currentInvocation?.requestId == begun.requestId)
        #expect(try await store.execution(arn: arn)?.invocationPhase == .queued)
        let second = Self.engine(store) { _, _ in InvocationOutput(status: .succeeded, result: "\"recovered\"") }
        #expect(try await second.recoverInterruptedInvocations() == 1)
        try await Self.running(second) { () async throws in
            #expect(try await second.waitForCompletion(executionArn: arn).result == "\"recovered\"")
        }
        // Only the invocation that ran is recorded.
        let events = try await second.history(executionArn: arn).events
        #expect(events.map(\.eventType) == [.executionStarted, .invocationCompleted, .executionSucceeded])
        #expect(events[1].details.requestId != begun.requestId)
    }
}
