import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("History event JSON as the engine emits it")
struct EventEncodingTests {
    func json(_ event: HistoryEvent, id: Int) throws -> String {
        var event = event
        event.eventId = id
        return try Self.sorted(event)
    }

    /// Exact JSON with sorted keys: JSONEncoder does not keep declaration order on every platform.
    static func sorted(_ value: some Encodable) throws -> String {
        let encoder = DurableJSON.encoder(.seconds)
        encoder.outputFormatting.insert(.sortedKeys)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func stepSucceeded() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.step("s1", .start, name: "charge"), U.step("s1", .succeed, name: "charge", payload: #"{"ok":true}"#)])
        #expect(try json(outcome.events[0], id: 2)
            == #"{"EventId":2,"EventTimestamp":1767225600,"EventType":"StepStarted","Id":"s1","Name":"charge","StepStartedDetails":{},"SubType":"Step"}"#)
        #expect(try json(outcome.events[1], id: 3)
            == #"{"EventId":3,"EventTimestamp":1767225600,"EventType":"StepSucceeded","Id":"s1","Name":"charge","StepSucceededDetails":{"Result":{"Payload":"{\"ok\":true}","Truncated":false},"RetryDetails":{"CurrentAttempt":1}},"SubType":"Step"}"#)
    }

    @Test func stepFailedRetry() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.step("s1", .retry, subType: nil, error: ErrorObject(errorType: "E", errorMessage: "m"), delay: 3)])
        #expect(try json(outcome.events[0], id: 2)
            == #"{"EventId":2,"EventTimestamp":1767225600,"EventType":"StepFailed","Id":"s1","StepFailedDetails":{"Error":{"Payload":{"ErrorMessage":"m","ErrorType":"E"},"Truncated":false},"RetryDetails":{"CurrentAttempt":1,"NextAttemptDelaySeconds":3}}}"#)
    }

    @Test func waitStartedWithSecondsTimestamps() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.wait("w1", seconds: 30, parent: nil)])
        #expect(try json(outcome.events[0], id: 4)
            == #"{"EventId":4,"EventTimestamp":1767225600,"EventType":"WaitStarted","Id":"w1","SubType":"Wait","WaitStartedDetails":{"Duration":30,"ScheduledEndTimestamp":1767225630}}"#)
    }

    @Test func callbackStartedOmitsDisabledTimeouts() throws {
        var f = ProcessorFixture()
        let outcome = try f.commit([U.callback("c1", timeout: 0, heartbeat: 15)])
        let id = try #require(outcome.events[0].details.callbackId)
        #expect(try json(outcome.events[0], id: 2)
            == #"{"CallbackStartedDetails":{"CallbackId":""# + id + #"","HeartbeatTimeout":15},"EventId":2,"EventTimestamp":1767225600,"EventType":"CallbackStarted","Id":"c1","SubType":"Callback"}"#)
    }

    @Test func contextStartedUnderAParent() throws {
        var f = ProcessorFixture()
        f.add("p", .context, .started)
        let outcome = try f.commit([U.context("c1", .start, parent: "p")])
        #expect(try json(outcome.events[0], id: 7)
            == #"{"ContextStartedDetails":{},"EventId":7,"EventTimestamp":1767225600,"EventType":"ContextStarted","Id":"c1","ParentId":"p","SubType":"RunInChildContext"}"#)
    }

    @Test func invocationCompletedFromTheEngine() async throws {
        try await EngineHarness.run { h in
            h.register { _, _ in
                InvocationOutput(status: .succeeded, result: "1")
            }
            let arn = try await h.start(input: nil)
            let events = try await h.events(arn)
            let requestId = try #require(events[1].details.requestId)
            #expect(try Self.sorted(events[0])
                == #"{"EventId":1,"EventTimestamp":1767225600,"EventType":"ExecutionStarted","ExecutionStartedDetails":{"ExecutionTimeout":86400,"Input":{"Truncated":false}}}"#)
            #expect(try Self.sorted(events[1])
                == #"{"EventId":2,"EventTimestamp":1767225600,"EventType":"InvocationCompleted","InvocationCompletedDetails":{"EndTimestamp":1767225600,"RequestId":""# + requestId + #"","StartTimestamp":1767225600}}"#)
        }
    }
}

@Suite("ManualClock")
struct ManualClockTests {
    @Test func startsAtTheFixedDateAndAdvances() {
        let clock = ManualClock()
        #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_600))
        clock.advance(by: .milliseconds(1500))
        #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_601.5))
        clock.advance(to: Date(timeIntervalSince1970: 0))
        #expect(clock.now() == Date(timeIntervalSince1970: 1_767_225_601.5))
    }

    @Test func sleepersWakeWhenTimePassesTheirDeadline() async throws {
        let clock = ManualClock()
        let woke = Box(false)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await clock.sleep(until: clock.now().addingTimeInterval(10))
                woke.set(true)
            }
            while clock.nextSleeperDeadline == nil { await Task.yield() }
            clock.advance(by: .seconds(9))
            try await Task.sleep(for: .milliseconds(20))
            #expect(!woke.get)
            clock.advance(by: .seconds(1))
            try await group.next()
            #expect(woke.get)
        }
    }

    @Test func cancelledSleeperThrows() async {
        let clock = ManualClock()
        let task = Task { try await clock.sleep(until: clock.now().addingTimeInterval(60)) }
        while clock.nextSleeperDeadline == nil { await Task.yield() }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
