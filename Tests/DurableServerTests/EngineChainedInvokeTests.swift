import DurableModel
@testable import DurableServer
import Foundation
import Testing

/// A parent that chained-invokes `target` with `payload` and finishes with the outcome.
func chainingParent(target: String, payload: String = "{\"x\":1}", whileRunning: (@Sendable () async -> Void)? = nil) -> DurableHandler {
    { input, client in
        if let op = input.op("i1") {
            switch op.status {
            case .succeeded: return InvocationOutput(status: .succeeded, result: op.chainedInvokeDetails?.result)
            case .started: return .pending
            default: return InvocationOutput(status: .failed, error: op.chainedInvokeDetails?.error)
            }
        }
        _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                        updates: [U.invoke("i1", target, payload: payload)], clientToken: nil)
        await whileRunning?()
        return .pending
    }
}

@Suite("DurableEngine: chained invokes")
struct EngineChainedInvokeTests {
    @Test func durableTargetRunsAsAChildExecution() async throws {
        try await EngineHarness.run { h in
            h.register("parent", handler: chainingParent(target: "child"))
            h.register("child") { input, _ in
                let payload = input.initialExecutionState.operations[0].executionDetails?.inputPayload ?? ""
                return InvocationOutput(status: .succeeded, result: "{\"got\":\(payload)}")
            }
            let arn = try await h.start("parent")
            let parent = try await h.describe(arn)
            #expect(parent.status == .succeeded)
            #expect(parent.result == "{\"got\":{\"x\":1}}")
            let events = try await h.events(arn)
            #expect(events.map(\.eventType) == [.executionStarted, .chainedInvokeStarted, .invocationCompleted, .chainedInvokeSucceeded,
                                                .invocationCompleted, .executionSucceeded])
            let childArn = try #require(events[1].details.durableExecutionArn)
            #expect(events[1].details.functionName == "child")
            #expect(events[1].details.input == EventPayload(payload: "{\"x\":1}"))
            let child = try await h.describe(childArn)
            #expect(child.status == .succeeded)
            #expect(child.inputPayload == "{\"x\":1}")
            #expect(events[3].details.result == EventPayload(payload: "{\"got\":{\"x\":1}}"))
        }
    }

    @Test func failedDurableChildFailsTheParentOperation() async throws {
        try await EngineHarness.run { h in
            h.register("parent", handler: chainingParent(target: "child"))
            h.register("child") { _, _ in InvocationOutput(status: .failed, error: ErrorObject(errorType: "ChildError", errorMessage: "nope")) }
            let arn = try await h.start("parent")
            #expect(try await h.operation(arn, "i1")?.status == .failed)
            #expect(try await h.describe(arn).error == ErrorObject(errorType: "ChildError", errorMessage: "nope"))
            #expect(try await h.eventTypes(arn).contains(.chainedInvokeFailed))
        }
    }

    @Test func plainTargetResultIsRecordedAfterTheParentInvocationEnds() async throws {
        try await EngineHarness.run { h in
            let called = Box(false)
            h.engine.register(FunctionConfiguration(name: "upper", isDurable: false))
            h.invoker.registerPlain("upper") { payload in
                called.set(true)
                return payload.uppercased()
            }
            h.register("parent", handler: chainingParent(target: "upper", payload: "\"abc\"") {
                // Hold the invocation until the target has answered, so its result arrives mid-invocation.
                while !called.get { try? await Task.sleep(for: .milliseconds(5)) }
                try? await Task.sleep(for: .milliseconds(50))
            })
            let arn = try await h.start("parent")
            #expect(try await h.describe(arn).result == "\"ABC\"")
            let events = try await h.events(arn)
            #expect(events.map(\.eventType) == [.executionStarted, .chainedInvokeStarted, .invocationCompleted, .chainedInvokeSucceeded,
                                                .invocationCompleted, .executionSucceeded])
            #expect(events[1].details.durableExecutionArn == nil)
            #expect(h.invocations("parent").count == 2)
        }
    }

    @Test func plainTargetErrorFailsTheOperation() async throws {
        try await EngineHarness.run { h in
            h.engine.register(FunctionConfiguration(name: "boom", isDurable: false))
            h.invoker.registerPlain("boom") { _ in throw ErrorObject(errorType: "Sandbox.Timedout", errorMessage: "Task timed out") }
            h.register("parent", handler: chainingParent(target: "boom"))
            let arn = try await h.start("parent")
            let op = try #require(try await h.operation(arn, "i1"))
            #expect(op.status == .failed)
            #expect(op.chainedInvokeDetails?.error == ErrorObject(errorType: "Sandbox.Timedout", errorMessage: "Task timed out"))
        }
    }

    @Test func unknownTargetFailsInTheCheckpointResponse() async throws {
        try await EngineHarness.run { h in
            let seen = Box<DurableModel.Operation?>(nil)
            h.register("parent") { input, client in
                if let op = input.op("i1") { return InvocationOutput(status: .failed, error: op.chainedInvokeDetails?.error) }
                let r = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                    updates: [U.invoke("i1", "ghost")], clientToken: nil)
                seen.set(r.newExecutionState.operations.first)
                return InvocationOutput(status: .failed, error: r.newExecutionState.operations.first?.chainedInvokeDetails?.error)
            }
            let arn = try await h.start("parent")
            #expect(seen.get?.status == .failed)
            #expect(seen.get?.chainedInvokeDetails?.error?.errorType == "ResourceNotFoundException")
            #expect(try await h.eventTypes(arn) == [.executionStarted, .chainedInvokeFailed, .invocationCompleted, .executionFailed])
        }
    }
}
