import DurableModel
import Foundation
import Testing

@Suite("Wire format")
struct WireFormatTests {
    @Test("Operations in the invocation event carry epoch milliseconds and omit absent fields")
    func operationMilliseconds() throws {
        let op = Operation(
            id: "abc", type: .wait, subType: "Wait", startTimestamp: Date(timeIntervalSince1970: 1_767_225_600.12),
            status: .started, waitDetails: WaitDetails(scheduledEndTimestamp: Date(timeIntervalSince1970: 1_767_225_630))
        )
        let text = String(decoding: try DurableJSON.encoder(.milliseconds).encode(op), as: UTF8.self)
        #expect(text == #"{"Id":"abc","StartTimestamp":1767225600120,"Status":"STARTED","SubType":"Wait","Type":"WAIT","WaitDetails":{"ScheduledEndTimestamp":1767225630000}}"#)
    }

    @Test("REST answers carry epoch seconds and decoding tells seconds from milliseconds")
    func secondsRoundTrip() throws {
        let op = Operation(id: "s", type: .step, startTimestamp: Date(timeIntervalSince1970: 1_767_225_600.5), status: .succeeded,
                           stepDetails: StepDetails(attempt: 1, result: "\"ok\""))
        let text = String(decoding: try DurableJSON.encoder(.seconds).encode(op), as: UTF8.self)
        #expect(text.contains(#""StartTimestamp":1767225600.5"#))
        let decoded = try DurableJSON.decoder().decode(Operation.self, from: Data(text.utf8))
        #expect(decoded == op)
        let fromMillis = try DurableJSON.decoder().decode(
            Operation.self, from: Data(#"{"Id":"s","Type":"STEP","StartTimestamp":1767225600500,"Status":"SUCCEEDED"}"#.utf8))
        #expect(fromMillis.startTimestamp == op.startTimestamp)
        let fromISO = try DurableJSON.decoder().decode(
            Operation.self, from: Data(#"{"Id":"s","Type":"STEP","StartTimestamp":"2026-01-01T00:00:00.5Z","Status":"SUCCEEDED"}"#.utf8))
        #expect(fromISO.startTimestamp == Date(timeIntervalSince1970: 1_767_225_600.5))
    }

    @Test("History events put their details under <EventType>Details")
    func eventDetailsKey() throws {
        let event = HistoryEvent(
            eventType: .stepFailed, eventId: 3, eventTimestamp: Date(timeIntervalSince1970: 10), id: "x", subType: "Step",
            details: EventDetails(error: EventError(payload: ErrorObject(errorType: "E", errorMessage: "m")),
                                  retryDetails: RetryDetails(currentAttempt: 1, nextAttemptDelaySeconds: 2)))
        let text = String(decoding: try DurableJSON.encoder(.seconds).encode(event), as: UTF8.self)
        #expect(text == #"{"EventId":3,"EventTimestamp":10,"EventType":"StepFailed","Id":"x","StepFailedDetails":{"Error":{"Payload":{"ErrorMessage":"m","ErrorType":"E"},"Truncated":false},"RetryDetails":{"CurrentAttempt":1,"NextAttemptDelaySeconds":2}},"SubType":"Step"}"#)
        let back = try DurableJSON.decoder().decode(HistoryEvent.self, from: Data(text.utf8))
        #expect(back == event)

        let started = HistoryEvent(eventType: .stepStarted, eventId: 2, eventTimestamp: Date(timeIntervalSince1970: 10), id: "x")
        let startedText = String(decoding: try DurableJSON.encoder(.seconds).encode(started), as: UTF8.self)
        #expect(startedText == #"{"EventId":2,"EventTimestamp":10,"EventType":"StepStarted","Id":"x","StepStartedDetails":{}}"#)
    }

    @Test("Leaving out execution data marks payloads truncated")
    func truncation() {
        let details = EventDetails(input: EventPayload(payload: "{}"), executionTimeout: 60)
        let stripped = details.withoutExecutionData()
        #expect(stripped.input == EventPayload(payload: nil, truncated: true))
        #expect(stripped.executionTimeout == 60)
    }

    @Test("The invocation event decodes with and without optional members")
    func invocationInput() throws {
        let json = #"{"DurableExecutionArn":"arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST/durable-execution/n/i","CheckpointToken":"AAAA","InitialExecutionState":{"Operations":[{"Id":"i","Type":"EXECUTION","Status":"STARTED","StartTimestamp":1767225600000,"ExecutionDetails":{"InputPayload":"{}"}}]}}"#
        let input = try DurableJSON.decoder().decode(InvocationInput.self, from: Data(json.utf8))
        #expect(input.initialExecutionState.operations.first?.executionDetails?.inputPayload == "{}")
        #expect(input.initialExecutionState.hasMore == false)
        #expect(input.updatedOperationIds == nil)
    }
}
