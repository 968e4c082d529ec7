import Durable
import DurableModel
import DurableTesting
import Foundation
import Testing

@Suite("Waits and callbacks end to end")
struct WaitAndCallbackTests {
    @Test("A 7-day wait completes at once under the manual clock, and is exactly 7 days long")
    func sevenDayWait() async throws {
        let function = DurableClosureFunction<String, String>(name: "week") { _, context in
            try await context.wait("week", for: .days(7))
            return "done"
        }
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "done")
            #expect(runner.clock.now().timeIntervalSince(start) == 7 * 86_400)
            let history = try await execution.history()
            let started = try #require(history.first { $0.eventType == .waitStarted })
            #expect(started.details.duration == 7 * 86_400)
            #expect(history.contains { $0.eventType == .waitSucceeded })
        }
    }

    @Test("Waits shorter than a second are rejected before anything is checkpointed")
    func tooShortWait() async throws {
        let function = DurableClosureFunction<String, String>(name: "short") { _, context in
            try await context.wait(for: .milliseconds(500))
            return "no"
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            let (status, _) = try await execution.failure()
            #expect(status == .failed)
            #expect(try await execution.operations().allSatisfy { $0.type == .execution })
        }
    }

    @Test("createCallback: the id reaches the outside, the result is decoded, the step before it ran once")
    func callbackSuccess() async throws {
        struct Approval: Codable, Sendable, Equatable { var approved: Bool; var by: String }
        let counter = Counter()
        let function = DurableClosureFunction<String, String>(name: "approval") { _, context in
            try await context.step("before") { _ in counter.bump("before") }
            let callback = try await context.createCallback("approval", as: Approval.self)
            try await context.step("notify") { _ in counter.bump("notify:\(callback.id)") }
            let approval = try await callback.result()
            return approval.approved ? "approved by \(approval.by)" : "rejected"
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            let id = try await execution.waitForCallback(named: "approval")
            #expect(try await execution.describe().status == .running)
            try await execution.succeedCallback(id, result: Approval(approved: true, by: "ada"))
            #expect(try await execution.result() == "approved by ada")
            #expect(counter["notify:\(id)"] == 1)
        }
        #expect(counter["before"] == 1)
    }

    @Test("A failed callback surfaces as a catchable error carrying the sent error")
    func callbackFailure() async throws {
        let function = DurableClosureFunction<String, String>(name: "cb-fail") { _, context in
            let callback = try await context.createCallback("cb", as: String.self)
            do {
                return try await callback.result()
            } catch let error as DurableError {
                return "caught \(error.errorObject.errorType ?? "") \(error.errorObject.errorMessage ?? "")"
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            let id = try await execution.waitForCallback(named: "cb")
            try await execution.failCallback(id, error: ErrorObject(errorType: "Rejected", errorMessage: "no"))
            #expect(try await execution.result() == "caught Rejected no")
        }
    }

    @Test("Callback timeout fires at exactly its timeout")
    func callbackTimeout() async throws {
        let function = DurableClosureFunction<String, String>(name: "cb-timeout") { _, context in
            let callback = try await context.createCallback("cb", as: String.self, configuration: .init(timeout: .seconds(120)))
            do { return try await callback.result() } catch let error as DurableError { return error.errorObject.errorType ?? "" }
        }
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(function, input: "")
            _ = try await execution.waitForCallback(named: "cb")
            try await runner.advance(by: .seconds(119))
            #expect(try await execution.operation(named: "cb")?.status == .started)
            #expect(try await execution.result() == "Callback.Timeout")
            #expect(runner.clock.now().timeIntervalSince(start) == 120)
        }
    }

    @Test("Heartbeats keep a callback alive; silence past the heartbeat timeout times it out")
    func heartbeatTimeout() async throws {
        let function = DurableClosureFunction<String, String>(name: "cb-heartbeat") { _, context in
            let callback = try await context.createCallback(
                "cb", as: String.self, configuration: .init(timeout: .seconds(3600), heartbeatTimeout: .seconds(60)))
            do { return try await callback.result() } catch let error as DurableError { return error.errorObject.errorType ?? "" }
        }
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(function, input: "")
            let id = try await execution.waitForCallback(named: "cb")
            try await runner.advance(by: .seconds(50))
            try await execution.heartbeatCallback(id)
            try await runner.advance(by: .seconds(50))
            try await execution.heartbeatCallback(id)
            try await runner.advance(by: .seconds(59))
            #expect(try await execution.operation(named: "cb")?.status == .started)
            #expect(try await execution.result() == "Callback.Heartbeat")
            #expect(runner.clock.now().timeIntervalSince(start) == 160)
        }
    }

    @Test("waitForCallback runs its submitter once with the callback id and returns the result")
    func waitForCallback() async throws {
        let submitted = Counter()
        let function = DurableClosureFunction<String, String>(name: "wfc") { _, context in
            try await context.waitForCallback("external", as: String.self) { callbackId, _ in
                submitted.bump(callbackId)
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            let id = try await execution.waitForCallback(named: "external")
            try await execution.succeedCallback(id, result: "hello")
            #expect(try await execution.result() == "hello")
            #expect(submitted[id] == 1)
            let context = try #require(try await execution.operations().first { $0.type == .context })
            #expect(context.subType == "WaitForCallback")
        }
    }
}
