import Durable
import DurableModel
import DurableTesting
import DurableServer
import Synchronization
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

    @Test("An invocation that dies inside a step: at-most-once does not re-run it, at-least-once does")
    func interruptedStep() async throws {
        for semantics in [StepSemantics.atMostOncePerRetry, .atLeastOncePerRetry] {
            let runs = Counter()
            let crash = Crash()
            let function = DurableClosureFunction<String, String>(name: "interrupted") { _, context in
                do {
                    return try await context.step("charge", configuration: .init(retryStrategy: .none, semantics: semantics)) { _ in
                        if runs.bump("charge") == 1 { await crash.now() }
                        return "charged"
                    }
                } catch let error as DurableError {
                    return "failed: \(error.errorObject.errorType ?? "")"
                }
            }
            try await DurableTestRunner.withRunner { runner in
                runner.registerHandler("interrupted", handler: crash.wrap(DurableRuntime.handler(for: function)))
                let execution = try await runner.start(functionNamed: "interrupted", inputJSON: "\"\"", as: String.self)
                let result = try await execution.result()
                let history = try await execution.history()
                let crashed = history.filter { $0.eventType == .invocationCompleted && $0.details.error != nil }
                #expect(crashed.count == 1)
                if semantics == .atMostOncePerRetry {
                    // The replay finds the attempt STARTED and hands it to the retry strategy, which gives up.
                    #expect(result.hasPrefix("failed: "))
                    #expect(runs["charge"] == 1)
                } else {
                    #expect(result == "charged")
                    #expect(runs["charge"] == 2)
                }
            }
        }
    }
}

/// Ends the current invocation as a crashed process would, leaving the handler's task suspended.
final class Crash: Sendable {
    private let signal = Mutex<AsyncStream<Void>.Continuation?>(nil)

    /// Crashes the invocation now; never returns.
    func now() async {
        signal.withLock { $0?.yield(()); $0?.finish(); $0 = nil }
        while true { await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in } }
    }

    /// Wraps `handler` so that `now()` ends its invocation with `Runtime.ExitError`.
    func wrap(_ handler: @escaping DurableHandler) -> DurableHandler {
        { input, client in
            let (stream, continuation) = AsyncStream<Void>.makeStream()
            self.signal.withLock { $0 = continuation }
            let result = Mutex<Result<InvocationOutput, any Error>?>(nil)
            let done = AsyncStream<Void>.makeStream()
            Task {
                let outcome: Result<InvocationOutput, any Error>
                do { outcome = .success(try await handler(input, client)) } catch { outcome = .failure(error) }
                result.withLock { $0 = outcome }
                done.continuation.yield(())
            }
            // Whichever comes first: the handler's answer, or the crash.
            let merged = AsyncStream<Bool> { merged in
                Task { for await _ in stream { merged.yield(true); break } }
                Task { for await _ in done.stream { merged.yield(false); break } }
            }
            for await crashed in merged {
                if crashed { throw ErrorObject(errorType: "Runtime.ExitError", errorMessage: "Runtime exited with error: exit status 1") }
                break
            }
            return try result.withLock { $0! }.get()
        }
    }
}
