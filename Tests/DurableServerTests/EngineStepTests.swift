import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("DurableEngine: steps, tokens and history")
struct EngineStepTests {
    @Test func stepStartSucceedHistoryHasExactEventIds() async throws {
        try await EngineHarness.run { h in
            h.register { input, client in
                let response = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken, updates: [
                    U.step("s1", .start, name: "charge"), U.step("s1", .succeed, name: "charge", payload: "{\"ok\":true}"),
                ], clientToken: nil)
                #expect(response.newExecutionState.operations.map(\.id) == ["s1"])
                #expect(response.newExecutionState.operations.first?.status == .succeeded)
                #expect(response.checkpointToken != nil)
                return InvocationOutput(status: .succeeded, result: "\"done\"")
            }
            let arn = try await h.start(input: "{\"orderId\":42}")
            let events = try await h.events(arn)
            #expect(events.map(\.eventId) == [1, 2, 3, 4, 5])
            #expect(events.map(\.eventType) == [.executionStarted, .stepStarted, .stepSucceeded, .invocationCompleted, .executionSucceeded])
            #expect(events[0].details.input == EventPayload(payload: "{\"orderId\":42}"))
            #expect(events[0].details.executionTimeout == 86_400)
            #expect(events[2].details.retryDetails == RetryDetails(currentAttempt: 1))
            #expect(events[3].details.requestId != nil && events[3].details.error == nil)
            #expect(events[4].details.result == EventPayload(payload: "\"done\""))
            let description = try await h.describe(arn)
            #expect(description.status == .succeeded)
            #expect(description.result == "\"done\"")
            #expect(description.endTimestamp == h.clock.now())
            // The first invocation saw only the EXECUTION operation, whose id ends the ARN.
            let first = try #require(h.invocations().first)
            #expect(first.initialExecutionState.operations.map(\.type) == [.execution])
            #expect(arn.hasSuffix("/" + first.initialExecutionState.operations[0].id))
            #expect(first.initialExecutionState.operations[0].executionDetails?.inputPayload == "{\"orderId\":42}")
            #expect(first.updatedOperationIds == nil)
        }
    }

    @Test func tokensAreFencedAndClientTokenReplays() async throws {
        try await EngineHarness.run { h in
            let seen = Box<[String]>([])
            let lastToken = Box<String?>(nil)
            h.register { input, client in
                let arn = input.durableExecutionArn
                let t0 = input.checkpointToken
                #expect(Validation.isBase64Token(t0, maxLength: 2048))
                let r1 = try await client.checkpoint(executionArn: arn, token: t0, updates: [U.step("s1", .start)], clientToken: "ct-1")
                let replay = try await client.checkpoint(executionArn: arn, token: t0, updates: [U.step("s1", .start)], clientToken: "ct-1")
                #expect(replay == r1)
                for (token, clientToken) in [(t0, "ct-2"), (t0, nil), ("Zm9yZ2Vk", nil)] as [(String, String?)] {
                    let error = await serviceError {
                        _ = try await client.checkpoint(executionArn: arn, token: token, updates: [], clientToken: clientToken)
                    }
                    seen.update { $0.append(error?.message ?? "accepted") }
                }
                let t1 = try #require(r1.checkpointToken)
                #expect(t1 != t0)
                let state = try await client.executionState(executionArn: arn, token: t1, marker: "", maxItems: 1000)
                #expect(state.operations.map(\.id).last == "s1")
                let stale = await serviceError { _ = try await client.executionState(executionArn: arn, token: t0, marker: "", maxItems: 10) }
                #expect(stale?.message == "Invalid checkpoint token")
                let r2 = try await client.checkpoint(executionArn: arn, token: t1, updates: [U.step("s1", .succeed, payload: "1")], clientToken: nil)
                lastToken.set(r2.checkpointToken)
                return InvocationOutput(status: .succeeded, result: "1")
            }
            let arn = try await h.start()
            #expect(seen.get == ["Invalid checkpoint token", "Invalid checkpoint token", "Invalid checkpoint token"])
            #expect(try await h.eventTypes(arn).filter { $0 == .stepStarted }.count == 1)
            let afterClose = await serviceError {
                _ = try await h.engine.checkpoint(executionArn: arn, request: CheckpointRequest(checkpointToken: lastToken.get ?? "x"))
            }
            #expect(afterClose?.message == "Invalid checkpoint token")
            #expect(afterClose?.type == "InvalidParameterValueException")
        }
    }

    @Test func invalidBatchesAreRejectedWithoutConsumingTheToken() async throws {
        try await EngineHarness.run { h in
            h.register { input, client in
                let arn = input.durableExecutionArn
                let error = await serviceError {
                    _ = try await client.checkpoint(executionArn: arn, token: input.checkpointToken,
                                                    updates: [U.step("s1", .start, parent: "missing")], clientToken: nil)
                }
                #expect(error?.message == "Invalid parent operation id.")
                _ = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: [U.step("s1", .succeed)], clientToken: nil)
                return InvocationOutput(status: .succeeded)
            }
            let arn = try await h.start()
            #expect(try await h.describe(arn).status == .succeeded)
        }
    }

    @Test func stepRetryBecomesReadyAtExactlyTheDelay() async throws {
        try await EngineHarness.run { h in
            h.register { input, client in
                let arn = input.durableExecutionArn, token = input.checkpointToken
                switch input.op("s1")?.status {
                case nil:
                    _ = try await client.checkpoint(executionArn: arn, token: token, updates: [
                        U.step("s1", .start), U.step("s1", .retry, error: ErrorObject(errorType: "Flaky", errorMessage: "try again"), delay: 10),
                    ], clientToken: nil)
                    return .pending
                case .ready?:
                    #expect(input.op("s1")?.stepDetails?.attempt == 1)
                    _ = try await client.checkpoint(executionArn: arn, token: token, updates: [U.step("s1", .start), U.step("s1", .succeed, payload: "2")],
                                                    clientToken: nil)
                    return InvocationOutput(status: .succeeded, result: "2")
                default:
                    return .pending
                }
            }
            let start = h.clock.now()
            let arn = try await h.start()
            var op = try #require(try await h.operation(arn, "s1"))
            #expect(op.status == .pending)
            #expect(op.stepDetails?.nextAttemptTimestamp == start.addingTimeInterval(10))
            #expect(try await h.engine.nextTimerDate() == start.addingTimeInterval(10))
            try await h.advance(seconds: 9)
            op = try #require(try await h.operation(arn, "s1"))
            #expect(op.status == .pending)
            #expect(h.invocations().count == 1)
            try await h.advance(seconds: 1)
            #expect(h.invocations().count == 2)
            #expect(h.invocations().last?.updatedOperationIds == ["s1"])
            #expect(try await h.describe(arn).status == .succeeded)
            let events = try await h.events(arn)
            #expect(events.map(\.eventType) == [.executionStarted, .stepStarted, .stepFailed, .invocationCompleted, .stepStarted, .stepSucceeded,
                                                .invocationCompleted, .executionSucceeded])
            #expect(events[2].details.retryDetails == RetryDetails(currentAttempt: 1, nextAttemptDelaySeconds: 10))
            #expect(events[2].details.error == EventError(payload: ErrorObject(errorType: "Flaky", errorMessage: "try again")))
            #expect(events[5].details.retryDetails == RetryDetails(currentAttempt: 2))
        }
    }

    @Test func historyPagesReversesAndHidesData() async throws {
        try await EngineHarness.run { h in
            h.register { input, client in
                _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                updates: [U.step("s1", .start), U.step("s1", .succeed, payload: "\"secret\"")], clientToken: nil)
                return InvocationOutput(status: .succeeded, result: "\"r\"")
            }
            let arn = try await h.start(input: "{\"in\":1}")
            var ids: [[Int]] = []
            var marker: String?
            repeat {
                let page = try await h.engine.history(executionArn: arn, marker: marker, maxItems: 2)
                ids.append(page.events.map(\.eventId))
                marker = page.nextMarker
            } while marker != nil
            #expect(ids == [[1, 2], [3, 4], [5]])
            ids = []
            repeat {
                let page = try await h.engine.history(executionArn: arn, reverseOrder: true, marker: marker, maxItems: 2)
                ids.append(page.events.map(\.eventId))
                marker = page.nextMarker
            } while marker != nil
            #expect(ids == [[5, 4], [3, 2], [1]])
            let hidden = try await h.engine.history(executionArn: arn, includeExecutionData: false).events
            #expect(hidden[0].details.input == EventPayload(payload: nil, truncated: true))
            #expect(hidden[0].details.executionTimeout == 86_400)
            #expect(hidden[2].details.result == EventPayload(payload: nil, truncated: true))
            let bad = await serviceError { _ = try await h.engine.history(executionArn: arn, marker: "garbage") }
            #expect(bad?.message == "Invalid marker")
            let missing = await serviceError { _ = try await h.engine.history(executionArn: arn + "x") }
            #expect(missing?.type == "ResourceNotFoundException")
        }
    }

    @Test func executionCheckpointCarriesTheResultAndDropsTheToken() async throws {
        try await EngineHarness.run { h in
            let big = "\"" + String(repeating: "z", count: 1000) + "\""
            h.register { input, client in
                let response = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                           updates: [U.execution(.succeed, payload: big)], clientToken: nil)
                #expect(response.checkpointToken == nil)
                return InvocationOutput(status: .succeeded, result: "")
            }
            let arn = try await h.start()
            let description = try await h.describe(arn)
            #expect(description.status == .succeeded)
            #expect(description.result == big)
            #expect(try await h.eventTypes(arn) == [.executionStarted, .invocationCompleted, .executionSucceeded])
        }
    }

    @Test func pendingWithNothingPendingFailsAfterThreeAnswers() async throws {
        try await EngineHarness.run { h in
            h.register { _, _ in .pending }
            let arn = try await h.start()
            #expect(h.invocations().count == 3)
            let description = try await h.describe(arn)
            #expect(description.status == .failed)
            #expect(description.error?.errorType == "InvalidParameterValueException")
        }
    }

    @Test func failedHandlerAnswerFailsTheExecution() async throws {
        try await EngineHarness.run { h in
            h.register { _, _ in InvocationOutput(status: .failed, error: ErrorObject(errorType: "OrderError", errorMessage: "bad order")) }
            let arn = try await h.start()
            let description = try await h.describe(arn)
            #expect(description.status == .failed)
            #expect(description.error == ErrorObject(errorType: "OrderError", errorMessage: "bad order"))
            #expect(description.result == nil)
            #expect(try await h.eventTypes(arn).last == .executionFailed)
        }
    }
}
