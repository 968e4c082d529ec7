import Durable
import DurableModel
import DurableTesting
import Foundation
import Testing

@Suite("Child contexts, invokes and conditions end to end")
struct CompositionTests {
    @Test("A child context replays from its checkpoint without re-running its body")
    func childContext() async throws {
        let counter = Counter()
        let function = DurableClosureFunction<String, String>(name: "child") { _, context in
            let inner = try await context.runInChildContext("prepare") { child in
                let a = try await child.step("a") { _ in counter.bump("a"); return "A" }
                try await child.wait("nap", for: .seconds(5))
                return a + (try await child.step("b") { _ in counter.bump("b"); return "B" })
            }
            try await context.wait("after", for: .seconds(5))
            counter.bump("after-wait")
            return inner
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "AB")
            let ops = try await execution.operations()
            let child = try #require(ops.first { $0.name == "prepare" })
            #expect(child.type == .context && child.subType == "RunInChildContext" && child.status == .succeeded)
            #expect(ops.filter { $0.parentId == child.id }.count == 3)
        }
        #expect(counter["a"] == 1 && counter["b"] == 1 && counter["after-wait"] == 1)
    }

    @Test("A child result over 256 KiB is rebuilt on replay from its children (ReplayChildren)")
    func largeChildResult() async throws {
        let counter = Counter()
        let function = DurableClosureFunction<String, Int>(name: "large-child") { _, context in
            let big = try await context.runInChildContext("big") { child in
                try await child.step("chunk") { _ in counter.bump("chunk"); return String(repeating: "x", count: 300_000) }
            }
            try await context.wait("pause", for: .seconds(1))
            return big.count
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == 300_000)
            let child = try #require(try await execution.operation(named: "big"))
            #expect(child.contextDetails?.replayChildren == true)
            #expect((child.contextDetails?.result ?? "").utf8.count < 262_144)
        }
        #expect(counter["chunk"] == 1)
    }

    @Test("invoke runs a registered durable function and a plain one, and surfaces their failures")
    func chainedInvoke() async throws {
        let target = DurableClosureFunction<Int, Int>(name: "double") { n, context in
            try await context.wait("think", for: .seconds(2))
            return try await context.step("double") { _ in n * 2 }
        }
        let function = DurableClosureFunction<Int, String>(name: "caller") { n, context in
            let doubled = try await context.invoke("call-double", function: "double", input: n, as: Int.self)
            let shouted = try await context.invoke("call-shout", function: "shout", input: "hi", as: String.self)
            do {
                _ = try await context.invoke("call-missing", function: "missing", input: 1, as: Int.self)
                return "unreachable"
            } catch let error as DurableError {
                return "\(doubled) \(shouted) \(error.errorObject.errorType ?? "")"
            }
        }
        try await DurableTestRunner.withRunner { runner in
            runner.register(target)
            runner.registerPlain("shout") { payload in
                let text = try JSONDecoder().decode(String.self, from: Data(payload.utf8))
                return try String(decoding: JSONEncoder().encode(text.uppercased()), as: UTF8.self)
            }
            let execution = try await runner.start(function, input: 21)
            #expect(try await execution.result() == "42 HI ResourceNotFoundException")
            let history = try await execution.history()
            #expect(history.filter { $0.eventType == .chainedInvokeSucceeded }.count == 2)
            #expect(history.filter { $0.eventType == .chainedInvokeFailed }.count == 1)
        }
    }

    @Test("waitForCondition polls with the strategy's delays until the check says stop")
    func waitForCondition() async throws {
        let checks = Counter()
        let function = DurableClosureFunction<String, Int>(name: "poll") { _, context in
            try await context.waitForCondition(
                "poll", initialState: 0,
                strategy: .exponential(maxAttempts: 10, initialDelay: .seconds(2), maxDelay: .seconds(60), backoffRate: 2, jitter: .none,
                                       shouldContinuePolling: { $0 < 3 })
            ) { state, _ in
                checks.bump("check")
                return state + 1
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let start = runner.clock.now()
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == 3)
            // Polls after 2 s and 4 s.
            #expect(runner.clock.now().timeIntervalSince(start) == 6)
            let op = try #require(try await execution.operation(named: "poll"))
            #expect(op.subType == "WaitForCondition" && op.stepDetails?.result == "3")
        }
        #expect(checks["check"] == 3)
    }

    @Test("Changing the code between invocations fails the execution with a determinism error naming both sides")
    func determinismMismatch() async throws {
        let flip = Counter()
        let function = DurableClosureFunction<String, String>(name: "nondeterministic") { _, context in
            if flip.bump("runs") == 1 {
                try await context.step("charge") { _ in "ok" }
            } else {
                try await context.wait("charge", for: .seconds(1))
            }
            try await context.wait("pause", for: .seconds(1))
            return "done"
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            let (status, error) = try await execution.failure()
            #expect(status == .failed)
            let message = error?.errorMessage ?? ""
            #expect(message.contains("STEP") && message.contains("WAIT"))
        }
    }
}
