import DurableModel
@testable import DurableServer
import Foundation
import Testing

/// A handler that starts one callback (`c1`) and finishes with its outcome.
func callbackHandler(timeout: Int? = nil, heartbeat: Int? = nil, ids: Box<[String]>) -> DurableHandler {
    { input, client in
        guard let op = input.op("c1") else {
            let response = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                       updates: [U.callback("c1", timeout: timeout, heartbeat: heartbeat)], clientToken: nil)
            if let id = response.newExecutionState.operations.first?.callbackDetails?.callbackId { ids.update { $0.append(id) } }
            return .pending
        }
        switch op.status {
        case .succeeded: return InvocationOutput(status: .succeeded, result: op.callbackDetails?.result)
        case .failed, .timedOut: return InvocationOutput(status: .failed, error: op.callbackDetails?.error)
        default: return .pending
        }
    }
}

@Suite("DurableEngine: waits, callbacks, timeouts")
struct EngineTimerCallbackTests {
    @Test func waitEndsAtItsScheduledTime() async throws {
        try await EngineHarness.run { h in
            h.register { input, client in
                guard let wait = input.op("w1") else {
                    _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                    updates: [U.wait("w1", seconds: 30)], clientToken: nil)
                    return .pending
                }
                return wait.status == .succeeded ? InvocationOutput(status: .succeeded, result: "\"waited\"") : .pending
            }
            let start = h.clock.now()
            let arn = try await h.start()
            try await h.advance(seconds: 29)
            #expect(try await h.describe(arn).status == .running)
            try await h.advance(seconds: 1)
            #expect(try await h.describe(arn).status == .succeeded)
            let events = try await h.events(arn)
            #expect(events.map(\.eventType) == [.executionStarted, .waitStarted, .invocationCompleted, .waitSucceeded, .invocationCompleted,
                                                .executionSucceeded])
            #expect(events[1].details == EventDetails(duration: 30, scheduledEndTimestamp: start.addingTimeInterval(30)))
            #expect(events[3].details == EventDetails(duration: 30))
            #expect(events[3].id == "w1" && events[3].subType == "Wait")
        }
    }

    @Test func refreshCheckpointObservesAnElapsedWait() async throws {
        try await EngineHarness.run { h in
            h.register { [clock = h.clock] input, client in
                let arn = input.durableExecutionArn
                let r1 = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: [U.wait("w1", seconds: 5)], clientToken: nil)
                clock.advance(by: .seconds(5))
                let r2 = try await client.checkpoint(executionArn: arn, token: r1.checkpointToken!, updates: [], clientToken: nil)
                #expect(r2.newExecutionState.operations.map(\.id) == ["w1"])
                #expect(r2.newExecutionState.operations.first?.status == .succeeded)
                return InvocationOutput(status: .succeeded)
            }
            let arn = try await h.start()
            #expect(h.invocations().count == 1)
            #expect(try await h.eventTypes(arn) == [.executionStarted, .waitStarted, .waitSucceeded, .invocationCompleted, .executionSucceeded])
        }
    }

    @Test func callbackSuccessResumesTheExecution() async throws {
        try await EngineHarness.run { h in
            let ids = Box<[String]>([])
            h.register(handler: callbackHandler(ids: ids))
            let arn = try await h.start()
            let id = try #require(ids.get.first)
            #expect(Validation.isBase64Token(id, maxLength: 1024))
            let tooBig = await serviceError { try await h.engine.sendCallbackSuccess(callbackId: id, result: String(repeating: "a", count: 262_145)) }
            #expect(tooBig?.type == "InvalidParameterValueException")
            try await h.engine.sendCallbackSuccess(callbackId: id, result: "{\"approved\":true}")
            await h.engine.waitUntilIdle()
            let description = try await h.describe(arn)
            #expect(description.status == .succeeded)
            #expect(description.result == "{\"approved\":true}")
            let events = try await h.events(arn)
            #expect(events.map(\.eventType) == [.executionStarted, .callbackStarted, .invocationCompleted, .callbackSucceeded, .invocationCompleted,
                                                .executionSucceeded])
            #expect(events[1].details == EventDetails(callbackId: id))
            #expect(events[3].details.result == EventPayload(payload: "{\"approved\":true}"))
            let again = await serviceError { try await h.engine.sendCallbackSuccess(callbackId: id, result: nil) }
            #expect(again?.type == "CallbackTimeoutException")
            #expect(again?.statusCode == 400)
            let forged = await serviceError { try await h.engine.sendCallbackFailure(callbackId: "Zm9yZ2VkLWNhbGxiYWNr", error: nil) }
            #expect(forged?.type == "CallbackTimeoutException")
        }
    }

    @Test func callbackFailureCarriesTheError() async throws {
        try await EngineHarness.run { h in
            let ids = Box<[String]>([])
            h.register(handler: callbackHandler(ids: ids))
            let arn = try await h.start()
            let error = ErrorObject(errorType: "Rejected", errorMessage: "no stock")
            try await h.engine.sendCallbackFailure(callbackId: try #require(ids.get.first), error: error)
            await h.engine.waitUntilIdle()
            #expect(try await h.describe(arn).error == error)
            let events = try await h.events(arn)
            #expect(events[3].eventType == .callbackFailed)
            #expect(events[3].details.error == EventError(payload: error))
        }
    }

    @Test func callbackTimesOut() async throws {
        try await EngineHarness.run { h in
            let ids = Box<[String]>([])
            h.register(handler: callbackHandler(timeout: 30, ids: ids))
            let arn = try await h.start()
            try await h.advance(seconds: 29)
            #expect(try await h.operation(arn, "c1")?.status == .started)
            try await h.advance(seconds: 1)
            let op = try #require(try await h.operation(arn, "c1"))
            #expect(op.status == .timedOut)
            let expected = ErrorObject(errorType: "Callback.Timeout", errorMessage: "Callback timed out")
            #expect(op.callbackDetails?.error == expected)
            #expect(try await h.events(arn).first { $0.eventType == .callbackTimedOut }?.details.error == EventError(payload: expected))
            #expect(try await h.describe(arn).status == .failed)
            let late = await serviceError { try await h.engine.sendCallbackSuccess(callbackId: try #require(ids.get.first), result: "1") }
            #expect(late?.type == "CallbackTimeoutException")
        }
    }

    @Test func heartbeatRestartsOnlyTheHeartbeatTimer() async throws {
        try await EngineHarness.run { h in
            let ids = Box<[String]>([])
            h.register(handler: callbackHandler(timeout: 100, heartbeat: 10, ids: ids))
            let arn = try await h.start()
            let id = try #require(ids.get.first)
            try await h.advance(seconds: 5)
            try await h.engine.sendCallbackHeartbeat(callbackId: id)
            try await h.advance(seconds: 7)
            #expect(try await h.operation(arn, "c1")?.status == .started)
            try await h.advance(seconds: 3)
            let op = try #require(try await h.operation(arn, "c1"))
            #expect(op.status == .timedOut)
            #expect(op.callbackDetails?.error == ErrorObject(errorType: "Callback.Heartbeat", errorMessage: "Callback timed out on heartbeat"))
            let late = await serviceError { try await h.engine.sendCallbackHeartbeat(callbackId: id) }
            #expect(late?.type == "CallbackTimeoutException")
        }
    }

    @Test func executionTimesOut() async throws {
        try await EngineHarness.run { h in
            let token = Box<String?>(nil)
            h.register(timeout: 60) { input, client in
                let r = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                    updates: [U.wait("w1", seconds: 3600)], clientToken: nil)
                token.set(r.checkpointToken)
                return .pending
            }
            let arn = try await h.start()
            try await h.advance(seconds: 59)
            #expect(try await h.describe(arn).status == .running)
            try await h.advance(seconds: 1)
            let description = try await h.describe(arn)
            #expect(description.status == .timedOut)
            #expect(description.error?.errorType == "Execution.Timeout")
            #expect(try await h.eventTypes(arn).last == .executionTimedOut)
            try await h.advance(seconds: 3600)
            #expect(h.invocations().count == 1)
            #expect(try await h.engine.nextTimerDate() == nil)
        }
    }

    @Test func changeDuringAnInvocationCausesExactlyOneReinvoke() async throws {
        try await EngineHarness.run { h in
            h.register { [engine = h.engine] input, client in
                if let op = input.op("c1") {
                    return op.status == .succeeded ? InvocationOutput(status: .succeeded, result: op.callbackDetails?.result) : .pending
                }
                let r = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                    updates: [U.callback("c1")], clientToken: nil)
                // An outside system answers while this invocation still runs; the handler never sees it.
                try await engine.sendCallbackSuccess(callbackId: r.newExecutionState.operations[0].callbackDetails!.callbackId!, result: "\"late\"")
                return .pending
            }
            let arn = try await h.start()
            #expect(h.invocations().count == 2)
            #expect(h.invocations()[1].updatedOperationIds == ["c1"])
            #expect(try await h.describe(arn).result == "\"late\"")
        }
    }

    @Test func changeObservedThroughACheckpointCausesNoReinvoke() async throws {
        try await EngineHarness.run { h in
            h.register { [engine = h.engine] input, client in
                let arn = input.durableExecutionArn
                let r = try await client.checkpoint(executionArn: arn, token: input.checkpointToken,
                                                    updates: [U.callback("c1"), U.wait("w1", seconds: 3600)], clientToken: nil)
                let id = try #require(r.newExecutionState.operations.first { $0.id == "c1" }?.callbackDetails?.callbackId)
                try await engine.sendCallbackSuccess(callbackId: id, result: "1")
                let refresh = try await client.checkpoint(executionArn: arn, token: r.checkpointToken!, updates: [], clientToken: nil)
                #expect(refresh.newExecutionState.operations.map(\.id) == ["c1"])
                return .pending
            }
            let arn = try await h.start()
            #expect(h.invocations().count == 1)
            #expect(try await h.describe(arn).status == .running)
        }
    }
}

@Suite("DurableEngine: when an operation alone shows its timer is due")
struct TimerOperationDueTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func map(_ ops: [DurableModel.Operation]) -> OperationMap {
        OperationMap(ops.enumerated().map { StoredOperation(operation: $1, position: $0 + 1, sequence: $0 + 1) })
    }

    static func key(_ kind: TimerKind, _ id: String?) -> TimerKey { TimerKey(executionArn: "arn", kind: kind, operationId: id) }

    @Test func waitsAndRetriesThatAreStillWaitingAndDue() {
        let ops = Self.map([
            DurableModel.Operation(id: "due", type: .wait, startTimestamp: Self.now, status: .started,
                                   waitDetails: WaitDetails(scheduledEndTimestamp: Self.now)),
            DurableModel.Operation(id: "later", type: .wait, startTimestamp: Self.now, status: .started,
                                   waitDetails: WaitDetails(scheduledEndTimestamp: Self.now.addingTimeInterval(0.001))),
            DurableModel.Operation(id: "done", type: .wait, startTimestamp: Self.now, status: .succeeded,
                                   waitDetails: WaitDetails(scheduledEndTimestamp: Self.now.addingTimeInterval(-5))),
            DurableModel.Operation(id: "retry", type: .step, startTimestamp: Self.now, status: .pending,
                                   stepDetails: StepDetails(attempt: 1, nextAttemptTimestamp: Self.now.addingTimeInterval(-1))),
            DurableModel.Operation(id: "retryLater", type: .step, startTimestamp: Self.now, status: .pending,
                                   stepDetails: StepDetails(attempt: 1, nextAttemptTimestamp: Self.now.addingTimeInterval(1))),
            DurableModel.Operation(id: "ready", type: .step, startTimestamp: Self.now, status: .ready,
                                   stepDetails: StepDetails(attempt: 1)),
            DurableModel.Operation(id: "cb", type: .callback, startTimestamp: Self.now, status: .started),
        ])
        func due(_ kind: TimerKind, _ id: String?) -> Bool { DurableEngine.operationIsDue(Self.key(kind, id), ops, now: Self.now) }
        #expect(due(.waitEnd, "due"))
        #expect(!due(.waitEnd, "later"))
        #expect(!due(.waitEnd, "done"))
        #expect(!due(.waitEnd, "missing"))
        #expect(!due(.waitEnd, "retry"))
        #expect(due(.stepRetry, "retry"))
        #expect(!due(.stepRetry, "retryLater"))
        #expect(!due(.stepRetry, "ready"))
        // Other kinds are always checked against the stored timer (a heartbeat moves its due date).
        #expect(!due(.callbackTimeout, "cb"))
        #expect(!due(.callbackHeartbeat, "cb"))
        #expect(!due(.executionTimeout, nil))
        #expect(!due(.invocationRetry, nil))
    }
}
