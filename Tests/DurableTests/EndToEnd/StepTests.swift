import Durable
import DurableModel
import DurableTesting
import Testing

@Suite("Steps end to end")
struct StepTests {
    @Test("Completed steps never run again across a suspension and replay")
    func replaySkipsCompletedSteps() async throws {
        let counter = Counter()
        let function = DurableClosureFunction<String, String>(name: "steps") { input, context in
            let a = try await context.step("first") { _ in counter.bump("first"); return "a-\(input)" }
            try await context.wait("pause", for: .seconds(30))
            let b = try await context.step("second") { _ in counter.bump("second"); return "b" }
            return a + b
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "x")
            #expect(try await execution.result() == "a-xb")
            let invocations = try await execution.history().filter { $0.eventType == .invocationCompleted }
            #expect(invocations.count == 2)
        }
        #expect(counter["first"] == 1)
        #expect(counter["second"] == 1)
    }

    @Test("Retry delays are exactly what the strategy computes, attempt numbers are 1-based")
    func retryDelays() async throws {
        let attempts = Counter()
        let function = DurableClosureFunction<String, Int>(name: "retries") { _, context in
            try await context.step("flaky", configuration: .init(retryStrategy: .exponential(
                maxAttempts: 4, initialDelay: .seconds(3), maxDelay: .seconds(10), backoffRate: 3, jitter: .none))
            ) { step in
                attempts.bump("body")
                if step.attempt < 4 { throw TestFailure(message: "attempt \(step.attempt)") }
                return step.attempt
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == 4)
            // 3 s, then 9 s, then min(27, 10) = 10 s.
            #expect(runner.clock.now().timeIntervalSince(start) == 22)
            let failed = try await execution.history().filter { $0.eventType == .stepFailed }
            #expect(failed.map { $0.details.retryDetails?.nextAttemptDelaySeconds } == [3, 9, 10])
            #expect(failed.map { $0.details.retryDetails?.currentAttempt } == [1, 2, 3])
            let succeeded = try await execution.history().filter { $0.eventType == .stepSucceeded }
            #expect(succeeded.first?.details.retryDetails?.currentAttempt == 4)
        }
        #expect(attempts["body"] == 4)
    }

    @Test("A retry does not become due one second early")
    func retryNotEarly() async throws {
        let function = DurableClosureFunction<String, String>(name: "retry-timing") { _, context in
            try await context.step("s", configuration: .init(retryStrategy: .exponential(
                maxAttempts: 2, initialDelay: .seconds(60), maxDelay: .seconds(60), backoffRate: 1, jitter: .none))
            ) { step in
                if step.attempt == 1 { throw TestFailure(message: "first") }
                return "ok"
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            try await runner.advance(by: .seconds(59))
            #expect(try await execution.operation(named: "s")?.status == .pending)
            try await runner.advance(by: .seconds(1))
            #expect(try await execution.describe().status == .succeeded)
        }
    }

    @Test("Exhausted retries fail the step with the user's error type and message, catchable by the handler")
    func exhaustedRetries() async throws {
        let function = DurableClosureFunction<String, String>(name: "exhausted") { _, context in
            do {
                _ = try await context.step("doomed", configuration: .init(retryStrategy: .exponential(
                    maxAttempts: 2, initialDelay: .seconds(1), maxDelay: .seconds(1), backoffRate: 1, jitter: .none))
                ) { _ -> String in throw TestFailure(message: "always") }
                return "unreachable"
            } catch let error as DurableError {
                return "\(error.errorObject.errorType ?? "?"): \(error.errorObject.errorMessage ?? "?")"
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "TestFailure: always")
        }
    }

    @Test("At-most-once: an interrupted attempt is not re-run but retried by the strategy")
    func atMostOnceInterrupted() async throws {
        // The first invocation crashes after START (the invoker throws); the replay must not run the body.
        let runs = Counter()
        let function = DurableClosureFunction<String, String>(name: "at-most-once") { _, context in
            try await context.step("charge", configuration: .init(retryStrategy: .none, semantics: .atMostOncePerRetry)) { _ in
                runs.bump("charge")
                return "charged"
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "charged")
        }
        #expect(runs["charge"] == 1)
    }
}
