import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("CheckpointProcessor: batch rules")
struct CheckpointBatchRuleTests {
    @Test func multipleExecutionUpdatesAreRejected() {
        let f = ProcessorFixture()
        #expect(f.rejection([U.execution(.succeed), U.execution(.succeed)]) == "Cannot checkpoint multiple EXECUTION updates.")
    }

    @Test func executionMustBeLast() {
        let f = ProcessorFixture()
        #expect(f.rejection([U.execution(.succeed), U.step("s1", .start)]) == "EXECUTION checkpoint must be the last update.")
        #expect(f.rejection([U.step("s1", .start), U.execution(.succeed, payload: "1")]) == nil)
    }

    @Test func duplicateIdsOnlyForStartThenClose() {
        let f = ProcessorFixture()
        #expect(f.rejection([U.step("s1", .start), U.step("s1", .succeed, payload: "1")]) == nil)
        #expect(f.rejection([U.context("c1", .start), U.context("c1", .succeed, payload: "1")]) == nil)
        #expect(f.rejection([U.step("s1", .start), U.step("s1", .start)]) == "Cannot checkpoint multiple operations with the same ID.")
        #expect(f.rejection([U.step("s1", .succeed), U.step("s1", .succeed)]) == "Cannot checkpoint multiple operations with the same ID.")
        #expect(f.rejection([U.wait("w1"), U.wait("w1", .cancel)]) == "Cannot checkpoint multiple operations with the same ID.")
        #expect(f.rejection([U.step("s1", .start), U.step("s1", .succeed), U.step("s1", .fail)])
            == "Cannot checkpoint multiple operations with the same ID.")
    }

    @Test func largeBatchesFollowTheSameRules() {
        // Batches past 16 updates are checked through indexes by id instead of by searching in place.
        var f = ProcessorFixture()
        f.add("w1", .wait, .started)
        f.add("c2", .context, .started)
        let padding = (0..<20).map { U.step("pad\($0)", .start) }
        let cases: [([OperationUpdate], String?)] = [
            ([U.execution(.succeed), U.execution(.succeed)], "Cannot checkpoint multiple EXECUTION updates."),
            ([U.execution(.succeed), U.step("s1", .start)], "EXECUTION checkpoint must be the last update."),
            ([U.step("s1", .start), U.step("s1", .succeed, payload: "1")], nil),
            ([U.context("c1", .start), U.context("c1", .succeed, payload: "1")], nil),
            ([U.step("s1", .start), U.step("s1", .start)], "Cannot checkpoint multiple operations with the same ID."),
            ([U.wait("w9"), U.wait("w9", .cancel)], "Cannot checkpoint multiple operations with the same ID."),
            ([U.step("s1", .start), U.step("s1", .succeed), U.step("s1", .fail)], "Cannot checkpoint multiple operations with the same ID."),
            ([U.step("s1", .start, parent: "nope")], "Invalid parent operation id."),
            ([U.context("c1", .start), U.step("s1", .start, parent: "c1")], nil),
            ([U.step("s1", .start, parent: "c1"), U.context("c1", .start)], "Invalid parent operation id."),
            ([U.step("s1", .start, parent: "w1")], "Invalid parent operation id."),
            ([U.step("s1", .start, parent: "c2")], nil),
            ([U.step("s2", .start), U.step("s1", .start, parent: "s2")], "Invalid parent operation id."),
        ]
        for (updates, expected) in cases {
            #expect(f.rejection(updates) == expected)
            #expect(f.rejection(padding + updates) == expected)
            #expect(f.rejection(updates + padding.prefix(updates.last?.type == .execution ? 0 : 20)) == expected)
        }
    }

    @Test func parentMustBeAnExistingOrSameBatchContext() {
        var f = ProcessorFixture()
        #expect(f.rejection([U.step("s1", .start, parent: "nope")]) == "Invalid parent operation id.")
        #expect(f.rejection([U.context("c1", .start), U.step("s1", .start, parent: "c1")]) == nil)
        #expect(f.rejection([U.step("s1", .start, parent: "c1"), U.context("c1", .start)]) == "Invalid parent operation id.")
        f.add("w1", .wait, .started)
        #expect(f.rejection([U.step("s1", .start, parent: "w1")]) == "Invalid parent operation id.")
        f.add("c2", .context, .started)
        #expect(f.rejection([U.step("s1", .start, parent: "c2")]) == nil)
        #expect(f.rejection([U.step("s2", .start), U.step("s1", .start, parent: "s2")]) == "Invalid parent operation id.")
    }
}

@Suite("CheckpointProcessor: per-update rules")
struct CheckpointUpdateRuleTests {
    @Test func inconsistentMetadata() {
        var f = ProcessorFixture()
        f.add("s1", .step, .started, name: "charge", subType: "Step", parentId: "c1")
        f.add("c1", .context, .started)
        f.add("c2", .context, .started)
        #expect(f.rejection([U.wait("s1")]) == "Inconsistent operation type.")
        #expect(f.rejection([U.step("s1", .succeed, parent: "c1", subType: "WaitForCondition")]) == "Inconsistent operation subtype.")
        #expect(f.rejection([U.step("s1", .succeed, parent: "c1", name: "other")]) == "Inconsistent operation name.")
        #expect(f.rejection([U.step("s1", .succeed, parent: "c2")]) == "Inconsistent parent operation id.")
        // Omitted metadata is not compared.
        #expect(f.rejection([U.step("s1", .succeed, subType: nil)]) == nil)
    }

    @Test func errorObjectSizeLimit() {
        let f = ProcessorFixture()
        let big = ErrorObject(errorType: "E", errorMessage: String(repeating: "x", count: 33_000))
        #expect(f.rejection([U.step("s1", .fail, error: big)]) == "Error object size must be less than 32768 bytes.")
        let fits = ErrorObject(errorType: "E", errorMessage: String(repeating: "x", count: 32_000))
        #expect(f.rejection([U.step("s1", .fail, error: fits)]) == nil)
    }

    @Test func chainedInvokePayloadLimit() {
        let f = ProcessorFixture()
        let big = String(repeating: "a", count: 1_048_577)
        #expect(f.rejection([U.invoke("i1", "plain-fn", payload: big)])
            == "CHAINED_INVOKE input payload size must be less than or equal to 1048576 bytes.")
        #expect(f.rejection([U.invoke("i1", "plain-fn", payload: String(repeating: "a", count: 1_048_576))]) == nil)
    }

    @Test func executionOutputLimitForChainedChildren() {
        let child = ProcessorFixture(chainedChild: true)
        let big = String(repeating: "a", count: 1_048_577)
        #expect(child.rejection([U.execution(.succeed, payload: big)]) == "Execution output payload size must be less than or equal to 1048576 bytes.")
        #expect(ProcessorFixture().rejection([U.execution(.succeed, payload: big)]) == nil)
    }

    @Test func executionUpdates() throws {
        let f = ProcessorFixture()
        #expect(f.rejection([U.execution(.succeed, error: ErrorObject(errorMessage: "x"))]) == "Cannot provide an Error for SUCCEED action.")
        #expect(f.rejection([U.execution(.fail, payload: "1")]) == "Cannot provide a Payload for FAIL action.")
        #expect(f.rejection([U.execution(.start)]) == "Invalid action for the given operation type.")
        let outcome = try f.run([U.execution(.succeed, payload: "\"big\"")])
        #expect(outcome.completion == .succeeded("\"big\""))
        #expect(outcome.operations.isEmpty)
        #expect(outcome.events.isEmpty)
    }

    @Test func fieldPatterns() {
        let f = ProcessorFixture()
        #expect(f.rejection([U.step("bad id", .start)])?.hasPrefix("Invalid operation id 'bad id'") == true)
        #expect(f.rejection([U.step(String(repeating: "a", count: 65), .start)])?.hasPrefix("Invalid operation id") == true)
        #expect(f.rejection([U.step("s1", .start, parent: "b@d")])?.hasPrefix("Invalid ParentId 'b@d'") == true)
        #expect(f.rejection([U.step("s1", .start, name: "tab\t")]) == "Invalid Name: must be 1 to 256 printable ASCII characters.")
        #expect(f.rejection([U.step("s1", .start, name: "")]) == "Invalid Name: must be 1 to 256 printable ASCII characters.")
        #expect(f.rejection([U.step("s1", .start, subType: String(repeating: "a", count: 33))])?.hasPrefix("Invalid SubType") == true)
        #expect(f.rejection([U.wait("w1", seconds: 0)]) == "WaitSeconds must be between 1 and 31622400.")
        #expect(f.rejection([U.wait("w1", seconds: 31_622_401)]) == "WaitSeconds must be between 1 and 31622400.")
        #expect(f.rejection([U.wait("w1", seconds: 31_622_400)]) == nil)
        #expect(f.rejection([U.step("s1", .retry, delay: 0)]) == "NextAttemptDelaySeconds must be between 1 and 31622400.")
        #expect(f.rejection([U.callback("cb", timeout: -1)]) == "TimeoutSeconds must be greater than or equal to 0.")
        #expect(f.rejection([U.callback("cb", heartbeat: -1)]) == "HeartbeatTimeoutSeconds must be greater than or equal to 0.")
        #expect(f.rejection([U.invoke("i1", "plain-fn", tenant: "bad\u{1}")])
            == "TenantId must be 1 to 256 characters matching [a-zA-Z0-9._:/=+-@ ].")
        #expect(f.rejection([U.invoke("i1", "plain-fn", tenant: "tenant-1@corp")]) == nil)
    }
}

@Suite("CheckpointProcessor: STEP")
struct CheckpointStepTests {
    @Test func startStates() {
        var f = ProcessorFixture()
        for status in [OperationStatus.started, .pending, .succeeded, .failed] {
            f.add("s-\(status.rawValue)", .step, status)
            #expect(f.rejection([U.step("s-\(status.rawValue)", .start)]) == "Invalid current STEP state to start.")
        }
        f.add("ready", .step, .ready)
        #expect(f.rejection([U.step("ready", .start)]) == nil)
    }

    @Test func closeStates() {
        var f = ProcessorFixture()
        f.add("pending", .step, .pending)
        f.add("done", .step, .succeeded)
        f.add("ready", .step, .ready)
        #expect(f.rejection([U.step("pending", .succeed)]) == "Invalid current STEP state to close.")
        #expect(f.rejection([U.step("done", .fail)]) == "Invalid current STEP state to close.")
        #expect(f.rejection([U.step("ready", .succeed, payload: "1")]) == nil)
        #expect(f.rejection([U.step("absent", .succeed, payload: "1")]) == nil)
        #expect(f.rejection([U.step("s", .fail, payload: "1", error: ErrorObject())]) == "Cannot provide a Payload for FAIL action.")
        #expect(f.rejection([U.step("s", .succeed, error: ErrorObject())]) == "Cannot provide an Error for SUCCEED action.")
    }

    @Test func retryRules() {
        var f = ProcessorFixture()
        f.add("pending", .step, .pending)
        #expect(f.rejection([U.step("pending", .retry, delay: 1)]) == "Invalid current STEP state to re-attempt.")
        #expect(f.rejection([U.step("s", .retry)]) == "Invalid StepOptions for the given action.")
        #expect(f.rejection([U.step("s", .retry, payload: "1", error: ErrorObject(), delay: 1)])
            == "Cannot provide both error and payload to RETRY a STEP.")
        #expect(f.rejection([U.step("s", .cancel)]) == "Invalid action for the given operation type.")
    }

    @Test func startThenSucceedRecordsAttemptAndEvents() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.step("s1", .start, name: "charge"), U.step("s1", .succeed, name: "charge", payload: "{\"ok\":true}")])
        #expect(outcome.operations.count == 1)
        let op = try #require(outcome.operations.first?.operation)
        #expect(op.status == .succeeded)
        #expect(op.name == "charge")
        #expect(op.stepDetails == StepDetails(attempt: 1, result: "{\"ok\":true}"))
        #expect(op.endTimestamp == ProcessorFixture.now)
        #expect(outcome.events.map(\.eventType) == [.stepStarted, .stepSucceeded])
        #expect(outcome.events[1].details.retryDetails == RetryDetails(currentAttempt: 1))
        #expect(outcome.events[1].details.result == EventPayload(payload: "{\"ok\":true}"))
        #expect(outcome.events.allSatisfy { $0.id == "s1" && $0.name == "charge" && $0.subType == "Step" })
    }

    @Test func retryWithErrorIsPendingAndStepFailed() throws {
        var f = ProcessorFixture()
        _ = try f.commit([U.step("s1", .start)])
        let error = ErrorObject(errorType: "Boom", errorMessage: "no")
        let outcome = try f.commit([U.step("s1", .retry, error: error, delay: 7)])
        let op = try #require(outcome.operations.first?.operation)
        #expect(op.status == .pending)
        #expect(op.stepDetails == StepDetails(attempt: 1, nextAttemptTimestamp: ProcessorFixture.now.addingTimeInterval(7), error: error))
        #expect(outcome.events.map(\.eventType) == [.stepFailed])
        #expect(outcome.events[0].details.retryDetails == RetryDetails(currentAttempt: 1, nextAttemptDelaySeconds: 7))
        #expect(outcome.events[0].details.error == EventError(payload: error))
        #expect(outcome.armTimers == [DurableTimer(executionArn: ProcessorFixture.arn, kind: .stepRetry, operationId: "s1",
                                                   dueAt: ProcessorFixture.now.addingTimeInterval(7))])
    }

    @Test func retryWithoutErrorIsStepSucceededAndResultSurvivesStart() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.step("poll", .start, subType: "WaitForCondition"),
                                    U.step("poll", .retry, subType: "WaitForCondition", payload: "{\"n\":1}", delay: 5)])
        #expect(outcome.events.map(\.eventType) == [.stepStarted, .stepSucceeded])
        #expect(outcome.events[1].details.retryDetails == RetryDetails(currentAttempt: 1, nextAttemptDelaySeconds: 5))
        #expect(outcome.events[1].details.result == EventPayload(payload: "{\"n\":1}"))
        // The timer moves it to READY; the next START keeps the polling state.
        f.operations["poll"]?.operation.status = .ready
        let restart = try f.commit([U.step("poll", .start, subType: "WaitForCondition")])
        let op = try #require(restart.operations.first?.operation)
        #expect(op.status == .started)
        #expect(op.stepDetails?.result == "{\"n\":1}")
        #expect(op.stepDetails?.attempt == 1)
        #expect(op.stepDetails?.nextAttemptTimestamp == nil)
        let done = try f.commit([U.step("poll", .succeed, subType: "WaitForCondition", payload: "{\"n\":2}")])
        #expect(done.operations.first?.operation.stepDetails?.attempt == 2)
        #expect(done.events.first?.details.retryDetails == RetryDetails(currentAttempt: 2))
    }
}

@Suite("CheckpointProcessor: CONTEXT, WAIT, CALLBACK, CHAINED_INVOKE")
struct CheckpointOtherTypeTests {
    @Test func contextRules() throws {
        var f = ProcessorFixture()
        f.add("c1", .context, .started)
        f.add("c2", .context, .succeeded)
        #expect(f.rejection([U.context("c1", .start)]) == "Cannot start a CONTEXT that already exist.")
        #expect(f.rejection([U.context("c2", .succeed)]) == "Invalid current CONTEXT state to close.")
        #expect(f.rejection([U.context("c1", .fail, payload: "1")]) == "Cannot provide a Payload for FAIL action.")
        #expect(f.rejection([U.context("c1", .succeed, error: ErrorObject())]) == "Cannot provide an Error for SUCCEED action.")
        #expect(f.rejection([U.context("c1", .retry)]) == "Invalid action for the given operation type.")
        let outcome = try f.commit([U.context("c3", .start), U.context("c3", .succeed, payload: "7")])
        #expect(outcome.events.map(\.eventType) == [.contextStarted, .contextSucceeded])
        #expect(outcome.events[0].details == EventDetails())
        #expect(outcome.events[1].details.result == EventPayload(payload: "7"))
        let failed = try f.commit([U.context("c1", .fail, error: ErrorObject(errorType: "E"))])
        #expect(failed.events.first?.eventType == .contextFailed)
        #expect(failed.operations.first?.operation.contextDetails?.error == ErrorObject(errorType: "E"))
    }

    @Test func waitRules() throws {
        var f = ProcessorFixture()
        f.add("w1", .wait, .started)
        f.add("w2", .wait, .succeeded)
        #expect(f.rejection([U.wait("w1")]) == "Cannot start a WAIT that already exist.")
        #expect(f.rejection([U.wait("w2", .cancel)]) == "Cannot cancel a WAIT that does not exist or has already completed.")
        #expect(f.rejection([U.wait("nope", .cancel)]) == "Cannot cancel a WAIT that does not exist or has already completed.")
        #expect(f.rejection([U.wait("w1", .succeed)]) == "Invalid action for the given operation type.")
        #expect(f.rejection([U.wait("w3", seconds: nil)]) == "Invalid WaitOptions for the given action.")
        let outcome = try f.commit([U.wait("w3", seconds: 30)])
        let end = ProcessorFixture.now.addingTimeInterval(30)
        #expect(outcome.operations.first?.operation.waitDetails == WaitDetails(scheduledEndTimestamp: end))
        #expect(outcome.events.first?.details == EventDetails(duration: 30, scheduledEndTimestamp: end))
        #expect(outcome.armTimers.map(\.dueAt) == [end])
        let cancelled = try f.commit([U.wait("w1", .cancel, seconds: nil)])
        #expect(cancelled.operations.first?.operation.status == .cancelled)
        #expect(cancelled.events.first?.eventType == .waitCancelled)
    }

    @Test func callbackRules() throws {
        var f = ProcessorFixture()
        f.add("cb", .callback, .started)
        #expect(f.rejection([U.callback("cb")]) == "Cannot start a CALLBACK that already exist.")
        #expect(f.rejection([U.callback("cb", .succeed)]) == "Invalid action for CALLBACK operation.")
        #expect(f.rejection([U.callback("new", .fail)]) == "Invalid action for CALLBACK operation.")
        let outcome = try f.commit([U.callback("c2", timeout: 30, heartbeat: 0)])
        let id = try #require(outcome.operations.first?.operation.callbackDetails?.callbackId)
        #expect(Validation.isBase64Token(id, maxLength: 1024))
        #expect(outcome.callbacks == [CallbackIndexEntry(callbackId: id, executionArn: ProcessorFixture.arn, operationId: "c2")])
        // Heartbeat 0 means none: neither a timer nor the event member.
        #expect(outcome.events.first?.details == EventDetails(callbackId: id, timeout: 30))
        #expect(outcome.armTimers.map(\.key.kind) == [.callbackTimeout])
    }

    @Test func chainedInvokeRules() throws {
        var f = ProcessorFixture()
        f.add("i0", .chainedInvoke, .started)
        #expect(f.rejection([U.invoke("i0", "plain-fn")]) == "Cannot start a CHAINED_INVOKE operation that already exists.")
        #expect(f.rejection([U.invoke("i0", "plain-fn", .succeed)]) == "Invalid action for the given operation type.")
        #expect(f.rejection([OperationUpdate(id: "i1", type: .chainedInvoke, action: .start)]) == "Invalid ChainedInvokeOptions for the given action.")
        #expect(f.rejection([U.invoke("i1", "bad name!")]) == "Invalid function ARN 'bad name!'")
        #expect(f.rejection([U.invoke("i1", "arn:aws:lambda:us-east-1:999999999999:function:plain-fn")])
            == "Cannot start a CHAINED_INVOKE on a function in another account.")
        #expect(f.rejection([U.invoke("i1", "arn:aws:lambda:eu-west-1:123456789012:function:plain-fn")])
            == "Cannot start a CHAINED_INVOKE on a function in another region.")
        #expect(f.rejection([U.invoke("i1", "123456789012:function:plain-fn:7")]) == nil)
    }

    @Test func unknownChainedTargetFailsInTheResponse() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.invoke("i1", "missing")])
        let op = try #require(outcome.operations.first?.operation)
        #expect(op.status == .failed)
        #expect(op.chainedInvokeDetails?.error?.errorType == "ResourceNotFoundException")
        #expect(outcome.events.map(\.eventType) == [.chainedInvokeFailed])
        #expect(outcome.chainedInvokes.isEmpty)
    }

    @Test func durableChainedTargetGetsADeterministicChildArn() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.invoke("i1", "durable-fn:3", payload: nil, tenant: "t1")])
        let dispatch = try #require(outcome.chainedInvokes.first)
        let childArn = try #require(dispatch.childExecutionArn)
        let parsed = try #require(DurableExecutionARN(childArn))
        #expect(parsed.functionName == "durable-fn")
        #expect(parsed.qualifier == "3")
        #expect(dispatch.payload == "{}")
        #expect(childArn == f.processor.childExecutionArn(parentArn: ProcessorFixture.arn, operationId: "i1", functionName: "durable-fn", qualifier: "3"))
        let details = try #require(outcome.events.first?.details)
        #expect(outcome.events.first?.eventType == .chainedInvokeStarted)
        #expect(details.functionName == "durable-fn:3")
        #expect(details.tenantId == "t1")
        #expect(details.durableExecutionArn == childArn)
        #expect(details.executedVersion == "3")
    }
}
