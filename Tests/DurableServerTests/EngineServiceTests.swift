import DurableModel
@testable import DurableServer
import Foundation
import Logging
import ServiceLifecycle
import Testing

@Suite("DurableEngine: services, recovery, completion waits")
struct EngineServiceTests {
    @Test func timerServiceFiresWaitsOnTheClock() async throws {
        let clock = ManualClock()
        let invoker = InProcessInvoker()
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: invoker, clock: clock)
        engine.register(FunctionConfiguration(name: "fn"))
        invoker.register("fn") { input, client in
            if let wait = input.op("w1") {
                return wait.status == .succeeded ? InvocationOutput(status: .succeeded, result: "\"woke\"") : .pending
            }
            _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                            updates: [U.wait("w1", seconds: 60)], clientToken: nil)
            return .pending
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in engine.makeServices() {
                group.addTask { try await service.run() }
            }
            defer { group.cancelAll() }
            let arn = try await engine.startExecution(StartExecutionRequest(functionName: "fn")).executionArn
            await engine.waitUntilIdle()
            // Once the timer service sleeps until the wait's end, move the clock there.
            let end = clock.now().addingTimeInterval(60)
            while clock.nextSleeperDeadline != end { try await Task.sleep(for: .milliseconds(2)) }
            clock.advance(to: end)
            let done = try await engine.waitForCompletion(executionArn: arn)
            #expect(done.status == .succeeded)
            #expect(done.result == "\"woke\"")
        }
    }

    @Test func waitForCompletionHonoursCancellation() async throws {
        try await EngineHarness.run { h in
            h.register(handler: waitingHandler)
            let arn = try await h.start()
            let waiter = Task { try await h.engine.waitForCompletion(executionArn: arn) }
            try await Task.sleep(for: .milliseconds(20))
            waiter.cancel()
            await #expect(throws: CancellationError.self) { try await waiter.value }
            let missing = await serviceError { _ = try await h.engine.waitForCompletion(executionArn: arn + "x") }
            #expect(missing?.type == "ResourceNotFoundException")
        }
    }

    @Test func queuedInvocationsAreRecoveredByANewEngine() async throws {
        let store = InMemoryExecutionStore()
        let clock = ManualClock()
        let first = DurableEngine(store: store, invoker: InProcessInvoker(), clock: clock)
        first.register(FunctionConfiguration(name: "fn"))
        // No invocation service runs for the first engine, as if the process died right after the start.
        let arn = try await first.startExecution(StartExecutionRequest(functionName: "fn", inputPayload: "{}")).executionArn
        let invoker = InProcessInvoker()
        invoker.register("fn") { _, _ in InvocationOutput(status: .succeeded, result: "\"recovered\"") }
        let second = DurableEngine(store: store, invoker: invoker, clock: clock)
        second.register(FunctionConfiguration(name: "fn"))
        #expect(try await second.recoverInterruptedInvocations() == 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in second.makeInvocationServices() { group.addTask { try await service.run() } }
            defer { group.cancelAll() }
            let done = try await second.waitForCompletion(executionArn: arn)
            #expect(done.result == "\"recovered\"")
        }
    }

    @Test func stoppingAParentStopsItsDurableChild() async throws {
        try await EngineHarness.run { h in
            h.register("parent", handler: chainingParent(target: "child"))
            h.register("child", handler: waitingHandler)
            let arn = try await h.start("parent")
            let childArn = try #require(try await h.events(arn).first { $0.eventType == .chainedInvokeStarted }?.details.durableExecutionArn)
            #expect(try await h.describe(childArn).status == .running)
            _ = try await h.engine.stopExecution(executionArn: arn, error: nil)
            #expect(try await h.describe(childArn).status == .stopped)
            await h.engine.waitUntilIdle()
            #expect(try await h.describe(arn).status == .stopped)
        }
    }

    @Test func childTimeoutTimesOutTheParentOperation() async throws {
        try await EngineHarness.run { h in
            h.register("parent", handler: chainingParent(target: "child"))
            h.register("child", timeout: 30, handler: waitingHandler)
            let arn = try await h.start("parent")
            try await h.advance(seconds: 30)
            let op = try #require(try await h.operation(arn, "i1"))
            #expect(op.status == .timedOut)
            #expect(op.chainedInvokeDetails?.error == ErrorObject(errorType: "ChainedInvoke.Timeout",
                                                                  errorMessage: "CHAINED_INVOKE timed out after 30 seconds."))
            #expect(try await h.eventTypes(arn).contains(.chainedInvokeTimedOut))
        }
    }

    @Test func closedExecutionsArePurgedAfterRetention() async throws {
        try await EngineHarness.run { h in
            h.register { _, _ in InvocationOutput(status: .succeeded, result: "1") }
            let arn = try await h.start(executionName: "keep")
            h.clock.advance(by: .seconds(14 * 86_400 - 1))
            #expect(try await h.engine.purgeExpiredExecutions() == 0)
            h.clock.advance(by: .seconds(1))
            #expect(try await h.engine.purgeExpiredExecutions() == 1)
            let gone = await serviceError { _ = try await h.describe(arn) }
            #expect(gone?.type == "ResourceNotFoundException")
            _ = try await h.start(executionName: "keep")
        }
    }
}

@Suite("DurableEngine: service group")
struct EngineServiceGroupTests {
    @Test func servicesStopOnGracefulShutdown() async throws {
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: InProcessInvoker(), clock: ManualClock())
        let group = ServiceGroup(services: engine.makeServices(), logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await Task.sleep(for: .milliseconds(20))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
