import DurableModel
@testable import DurableServer
import Foundation
import Testing

/// A handler that starts one long wait and suspends.
let waitingHandler: DurableHandler = { input, client in
    if input.op("w1") == nil {
        _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                        updates: [U.wait("w1", seconds: 3600)], clientToken: nil)
    }
    return .pending
}

struct HandlerCrash: Error, CustomStringConvertible {
    var description: String { "handler crashed" }
}

@Suite("DurableEngine: start, stop, invocation failures")
struct EngineLifecycleTests {
    @Test func namesAreIdempotentForRunningExecutionsWithTheSameInput() async throws {
        try await EngineHarness.run { h in
            h.register(handler: waitingHandler)
            let first = try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "order-1", inputPayload: "{\"a\":1}"))
            #expect(!first.alreadyExisted)
            #expect(first.executionArn.hasPrefix("arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST/durable-execution/order-1/"))
            let again = try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "order-1", inputPayload: "{\"a\":1}"))
            #expect(again.alreadyExisted)
            #expect(again.executionArn == first.executionArn)
            let conflict = await serviceError {
                _ = try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "order-1", inputPayload: "{\"a\":2}"))
            }
            #expect(conflict?.type == "DurableExecutionAlreadyStartedException")
            #expect(conflict?.statusCode == 409)
            _ = try await h.engine.stopExecution(executionArn: first.executionArn, error: nil)
            let closed = await serviceError {
                _ = try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "order-1", inputPayload: "{\"a\":1}"))
            }
            #expect(closed?.type == "DurableExecutionAlreadyStartedException")
            let unknown = await serviceError { _ = try await h.engine.startExecution(StartExecutionRequest(functionName: "nope")) }
            #expect(unknown == .notFound("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"))
            let badName = await serviceError { _ = try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "a b")) }
            #expect(badName?.type == "InvalidParameterValueException")
            await h.engine.waitUntilIdle()
        }
    }

    @Test func stopClosesTheExecutionAndFencesTheRunningInvocation() async throws {
        try await EngineHarness.run { h in
            let rejected = Box<String?>(nil)
            let arnBox = Box<String?>(nil)
            h.register { [engine = h.engine] input, client in
                let arn = input.durableExecutionArn
                let r = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: [U.step("s1", .start)], clientToken: nil)
                _ = try await engine.stopExecution(executionArn: arn, error: nil)
                arnBox.set(arn)
                let error = await serviceError {
                    _ = try await client.checkpoint(executionArn: arn, token: r.checkpointToken!, updates: [U.step("s1", .succeed)], clientToken: nil)
                }
                rejected.set(error?.message)
                return .pending
            }
            let arn = try await h.start()
            #expect(rejected.get == "Invalid checkpoint token")
            let description = try await h.describe(arn)
            #expect(description.status == .stopped)
            #expect(description.error == ErrorObject(errorMessage: "Execution stopped by user request"))
            #expect(try await h.eventTypes(arn) == [.executionStarted, .stepStarted, .executionStopped, .invocationCompleted])
            #expect(try await h.operation(arn, "s1")?.status == .started)
            let stoppedAgain = try await h.engine.stopExecution(executionArn: arn, error: ErrorObject(errorMessage: "again"))
            #expect(stoppedAgain == description.endTimestamp)
            let missing = await serviceError { _ = try await h.engine.stopExecution(executionArn: arn + "x", error: nil) }
            #expect(missing?.type == "ResourceNotFoundException")
        }
    }

    @Test func stopCarriesTheGivenError() async throws {
        try await EngineHarness.run { h in
            h.register(handler: waitingHandler)
            let arn = try await h.start()
            let error = ErrorObject(errorType: "Cancelled", errorMessage: "customer cancelled")
            let stoppedAt = try await h.engine.stopExecution(executionArn: arn, error: error)
            #expect(stoppedAt == h.clock.now())
            #expect(try await h.describe(arn).error == error)
            #expect(try await h.events(arn).last?.details.error == EventError(payload: error))
            let done = try await h.engine.waitForCompletion(executionArn: arn)
            #expect(done.status == .stopped)
        }
    }

    @Test func failedInvocationsAreRetriedThenFailTheExecution() async throws {
        let configuration = EngineConfiguration(maxInvocationAttempts: 3, invocationRetryDelay: .seconds(5))
        try await EngineHarness.run(configuration: configuration) { h in
            h.register { _, _ in throw HandlerCrash() }
            let start = h.clock.now()
            let arn = try await h.start()
            #expect(h.invocations().count == 1)
            #expect(try await h.describe(arn).status == .running)
            #expect(try await h.engine.nextTimerDate() == start.addingTimeInterval(5))
            try await h.advance(seconds: 4)
            #expect(h.invocations().count == 1)
            try await h.advance(seconds: 1)
            #expect(h.invocations().count == 2)
            try await h.advance(seconds: 5)
            #expect(h.invocations().count == 3)
            let description = try await h.describe(arn)
            #expect(description.status == .failed)
            #expect(description.error == ErrorObject(errorType: "HandlerCrash", errorMessage: "handler crashed"))
            let events = try await h.events(arn)
            #expect(events.map(\.eventType) == [.executionStarted, .invocationCompleted, .invocationCompleted, .invocationCompleted, .executionFailed])
            #expect(events[1].details.error == EventError(payload: ErrorObject(errorType: "HandlerCrash", errorMessage: "handler crashed")))
        }
    }

    @Test func aFailedInvocationIsRetriedAndCanSucceed() async throws {
        try await EngineHarness.run(configuration: EngineConfiguration(invocationRetryDelay: .seconds(1))) { h in
            let calls = Box(0)
            h.register { _, _ in
                calls.update { $0 += 1 }
                if calls.get == 1 { throw HandlerCrash() }
                return InvocationOutput(status: .succeeded, result: "\"ok\"")
            }
            let arn = try await h.start()
            try await h.advance(seconds: 1)
            #expect(try await h.describe(arn).result == "\"ok\"")
        }
    }

    @Test func listsExecutionsByFunction() async throws {
        try await EngineHarness.run { h in
            h.register(handler: waitingHandler)
            h.register("done") { _, _ in InvocationOutput(status: .succeeded, result: "1") }
            let a = try await h.start(executionName: "a")
            h.clock.advance(by: .seconds(1))
            _ = try await h.start(executionName: "b")
            _ = try await h.start("done", executionName: "c")
            let page = try await h.engine.listExecutions(ExecutionListQuery(functionName: "fn"))
            #expect(page.durableExecutions.map(\.durableExecutionName) == ["a", "b"])
            #expect(page.durableExecutions[0].durableExecutionArn == a)
            #expect(page.durableExecutions[0].functionArn == "arn:aws:lambda:us-east-1:123456789012:function:fn:$LATEST")
            let done = try await h.engine.listExecutions(ExecutionListQuery(functionName: "done", statuses: [.succeeded]))
            #expect(done.durableExecutions.map(\.durableExecutionName) == ["c"])
            let json = try EventEncodingTests.sorted(done)
            #expect(json.hasPrefix("{\"DurableExecutions\":[{\"DurableExecutionArn\":"))
        }
    }
}
