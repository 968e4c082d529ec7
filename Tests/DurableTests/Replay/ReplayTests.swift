@testable import Durable
import DurableModel
import Foundation
import Synchronization
import Testing

@Suite("Replay, suspension and checkpointing against a scripted service")
struct ReplayTests {
    @Test("Completed steps never rerun on replay; a wait suspends with PENDING")
    func stepsDoNotRerun() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<Int, Int>(name: "steps") { input, context in
            let a = try await context.step("a") { _ in log.record("a"); return input + 1 }
            try await context.wait("nap", for: .seconds(30))
            let b = try await context.step("b") { _ in log.record("b"); return a * 10 }
            return b
        }
        let service = ScriptedService(input: "4")
        let first = await invokeOnce(function, service)
        #expect(first.status == .pending)
        #expect(log["a"] == 1 && log["b"] == 0)
        // A second invocation before the timer fires suspends again without rerunning anything.
        #expect(await invokeOnce(function, service).status == .pending)
        #expect(log["a"] == 1)
        await service.fireTimers()
        let done = await invokeOnce(function, service)
        #expect(done.status == .succeeded)
        #expect(try decodeResult(done, as: Int.self) == 50)
        #expect(log["a"] == 1 && log["b"] == 1)
        // Wire ids follow the JS scheme.
        #expect(await service.operation(named: "a")?.id == "c4ca4238a0b92382")
        #expect(await service.operation(named: "nap")?.id == "c81e728d9d4c2f63")
        #expect(await service.operation(named: "nap")?.waitDetails?.scheduledEndTimestamp != nil)
    }

    @Test("A changed operation fails the execution with a non-determinism error naming both sides")
    func nonDeterminism() async throws {
        let original = DurableClosureFunction<String, String>(name: "v1") { _, context in
            _ = try await context.step("charge") { _ in "ok" }
            try await context.wait("nap", for: .seconds(5))
            return "done"
        }
        let changed = DurableClosureFunction<String, String>(name: "v2") { _, context in
            do {
                _ = try await context.step("refund") { _ in "ok" }
            } catch {
                // Even a caught mismatch fails the execution.
            }
            return "done"
        }
        let service = ScriptedService(input: "\"x\"")
        #expect(await invokeOnce(original, service).status == .pending)
        let output = await invokeOnce(changed, service)
        #expect(output.status == .failed)
        #expect(output.error?.errorType == "NonDeterministicExecutionError")
        let message = output.error?.errorMessage ?? ""
        #expect(message.contains("'charge'") && message.contains("'refund'"))
    }

    @Test("Updates queued while a checkpoint is in flight go out together in the next call")
    func batching() async throws {
        let function = DurableClosureFunction<String, [String]>(name: "batch") { _, context in
            let result = try await context.parallel("fan", (0..<4).map { i in
                ParallelBranch<String> { child in try await child.step("s\(i)") { _ in "v\(i)" } }
            })
            return try result.values()
        }
        let service = ScriptedService(input: "\"\"")
        await service.setDelay(.milliseconds(50))
        let output = await invokeOnce(function, service)
        #expect(output.status == .succeeded)
        #expect(try decodeResult(output, as: [String].self) == ["v0", "v1", "v2", "v3"])
        let batches = await service.batches
        let updates = batches.reduce(0) { $0 + $1.count }
        // 1 parallel START + 4 × (branch START, step START, step SUCCEED, branch SUCCEED) + parallel SUCCEED.
        #expect(updates == 18)
        #expect(batches.count < updates)
        #expect(batches.contains { $0.count > 2 })
    }

    @Test("Step retries checkpoint RETRY, suspend, and resume with the next attempt number")
    func retries() async throws {
        let attempts = Mutex<[Int]>([])
        let function = DurableClosureFunction<String, String>(name: "retry") { _, context in
            try await context.step("flaky", configuration: .init(retryStrategy: .exponential(maxAttempts: 3, initialDelay: .seconds(2), jitter: .none))) { step in
                attempts.withLock { $0.append(step.attempt) }
                if step.attempt < 3 { throw ScriptedFailure(message: "try again") }
                return "attempt \(step.attempt)"
            }
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let retry = await service.batches.flatMap { $0 }.first { $0.action == .retry }
        #expect(retry?.stepOptions?.nextAttemptDelaySeconds == 2)
        #expect(retry?.error?.errorType == "ScriptedFailure")
        #expect(retry?.error?.errorMessage == "try again")
        // Not due yet: PENDING again without running the body.
        #expect(await invokeOnce(function, service).status == .pending)
        #expect(attempts.withLock { $0 } == [1])
        await service.fireTimers()
        #expect(await invokeOnce(function, service).status == .pending)
        let second = await service.batches.flatMap { $0 }.filter { $0.action == .retry }.last
        #expect(second?.stepOptions?.nextAttemptDelaySeconds == 4)
        await service.fireTimers()
        let done = await invokeOnce(function, service)
        #expect(try decodeResult(done, as: String.self) == "attempt 3")
        #expect(attempts.withLock { $0 } == [1, 2, 3])
    }

    @Test("A step that exhausts its retries fails the execution with the user's error type; replay rethrows it")
    func stepFailure() async throws {
        let function = DurableClosureFunction<String, String>(name: "fail") { _, context in
            do {
                _ = try await context.step("doomed", configuration: .init(retryStrategy: .none)) { _ -> String in
                    throw ScriptedFailure(message: "card declined")
                }
            } catch let error as DurableError {
                // Caught and inspected, then a wait so the error is replayed in the next invocation.
                try await context.wait(for: .seconds(1))
                throw error
            }
            return "unreachable"
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        let output = await invokeOnce(function, service)
        #expect(output.status == .failed)
        #expect(output.error == ErrorObject(errorType: "ScriptedFailure", errorMessage: "card declined"))
    }

    @Test("At-most-once: an interrupted attempt is not rerun; .stepInterrupted goes to the strategy")
    func atMostOnceInterrupted() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<String, String>(name: "amo") { _, context in
            do {
                return try await context.step("charge", configuration: .init(retryStrategy: .none, semantics: .atMostOncePerRetry)) { _ in
                    log.record("charge")
                    return "charged"
                }
            } catch let error as DurableError {
                return "\(error.code) \(error.errorObject.errorType ?? "")"
            }
        }
        let service = ScriptedService(input: "\"\"")
        await service.seed(Operation(
            id: OperationID.wireId("1"), name: "charge", type: .step, subType: "Step", startTimestamp: Date(), status: .started,
            stepDetails: StepDetails(attempt: 0)))
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "stepFailed StepInterruptedError")
        #expect(log["charge"] == 0)
    }

    @Test("At-most-once START is checkpointed before the body runs")
    func atMostOnceStartFirst() async throws {
        let service = ScriptedService(input: "\"\"")
        let seenBeforeBody = Mutex(0)
        let function = DurableClosureFunction<String, String>(name: "amo2") { _, context in
            try await context.step("charge", configuration: .init(semantics: .atMostOncePerRetry)) { _ in
                let count = await service.batches.count
                seenBeforeBody.withLock { $0 = count }
                return "ok"
            }
        }
        #expect(await invokeOnce(function, service).status == .succeeded)
        #expect(seenBeforeBody.withLock { $0 } == 1)
        #expect(await service.batches.first?.map(\.action) == [.start])
    }

    @Test("Callbacks: id from the START answer, PENDING until completed, then the decoded result")
    func callbacks() async throws {
        let ids = Mutex<[String]>([])
        let function = DurableClosureFunction<String, String>(name: "cb") { _, context in
            let callback = try await context.createCallback("approval", as: String.self, configuration: .init(timeout: .minutes(5)))
            ids.withLock { $0.append(callback.id) }
            return try await callback.result()
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let start = await service.batches.flatMap { $0 }.first { $0.type == .callback }
        #expect(start?.callbackOptions == CallbackOptions(timeoutSeconds: 300))
        let id = try #require(ids.withLock { $0.first })
        await service.succeedCallback(id, result: "\"approved\"")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "approved")
        #expect(ids.withLock { $0 } == [id, id])
    }

    @Test("Callback failure and timeout surface as catchable errors from result()")
    func callbackErrors() async throws {
        let function = DurableClosureFunction<String, [String]>(name: "cb-errors") { _, context in
            let first = try await context.createCallback("one", as: String.self)
            let second = try await context.createCallback("two", as: String.self)
            var outcomes: [String] = []
            for callback in [first, second] {
                do { outcomes.append(try await callback.result()) } catch let error as DurableError {
                    outcomes.append("\(error.code) \(error.errorObject.errorType ?? "")")
                }
            }
            return outcomes
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let one = try #require(await service.operation(named: "one")?.callbackDetails?.callbackId)
        let two = try #require(await service.operation(named: "two")?.callbackDetails?.callbackId)
        await service.failCallback(one, error: ErrorObject(errorType: "Rejected", errorMessage: "no"))
        await service.timeOutCallback(two)
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: [String].self) == ["callbackFailed Rejected", "callbackTimedOut Callback.Timeout"])
    }

    @Test("waitForCallback is CONTEXT WaitForCallback ⊃ CALLBACK + STEP; the submitter runs once")
    func waitForCallback() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<String, Int>(name: "wfc") { _, context in
            try await context.waitForCallback("external", as: Int.self) { callbackId, _ in
                log.record("submit \(callbackId)")
            }
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let wrapper = try #require(await service.operation(named: "external"))
        #expect(wrapper.type == .context && wrapper.subType == "WaitForCallback")
        let children = await service.operations.filter { $0.parentId == wrapper.id }
        #expect(children.map(\.type) == [.callback, .step])
        #expect(children.map(\.id) == [OperationID.wireId("1-1"), OperationID.wireId("1-2")])
        let id = try #require(children.first?.callbackDetails?.callbackId)
        await service.succeedCallback(id, result: "7")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: Int.self) == 7)
        #expect(log["submit \(id)"] == 1)
        #expect(await service.operation(named: "external")?.status == .succeeded)
    }

    @Test("waitForCondition checkpoints RETRY with the state and no error, then SUCCEED with the final state")
    func waitForCondition() async throws {
        let function = DurableClosureFunction<String, Int>(name: "poll") { _, context in
            try await context.waitForCondition(
                "poll", initialState: 0,
                strategy: .exponential(maxAttempts: 10, initialDelay: .seconds(3), jitter: .none) { $0 < 2 }
            ) { state, _ in state + 1 }
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let retry = await service.batches.flatMap { $0 }.first { $0.action == .retry }
        #expect(retry?.payload == "1" && retry?.error == nil && retry?.stepOptions?.nextAttemptDelaySeconds == 3)
        await service.fireTimers()
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: Int.self) == 2)
        #expect(await service.operation(named: "poll")?.subType == "WaitForCondition")
    }

    @Test("invoke: START carries options and payload; an immediate FAILED throws invokeFailed")
    func invoke() async throws {
        let function = DurableClosureFunction<String, String>(name: "inv") { _, context in
            do {
                _ = try await context.invoke("missing", function: "missing", input: 1, as: Int.self)
            } catch let error as DurableError where error.code == .invokeFailed {
                let value = try await context.invoke("double", function: "doubler", input: 21, as: Int.self, tenantId: "t1")
                return "\(error.errorObject.errorType ?? "") \(value)"
            }
            return "unreachable"
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let start = await service.batches.flatMap { $0 }.last { $0.type == .chainedInvoke }
        #expect(start?.chainedInvokeOptions == ChainedInvokeOptions(functionName: "doubler", tenantId: "t1"))
        #expect(start?.payload == "21")
        await service.finishInvoke(try #require(start?.id), result: "42")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "ResourceNotFoundException 42")
    }

    @Test("Child contexts number their children under the parent; failures carry the inner error")
    func childContexts() async throws {
        let function = DurableClosureFunction<String, String>(name: "child") { _, context in
            let value = try await context.runInChildContext("outer") { child in
                try await child.step("inner") { _ in "in" }
            }
            do {
                try await context.runInChildContext("broken") { child in
                    _ = try await child.step("bad", configuration: .init(retryStrategy: .none)) { _ -> Int in throw ScriptedFailure(message: "x") }
                }
            } catch let error as DurableError {
                return "\(value) \(error.code) \(error.errorObject.errorType ?? "")"
            }
            return value
        }
        let service = ScriptedService(input: "\"\"")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "in childContextFailed ScriptedFailure")
        let inner = try #require(await service.operation(named: "inner"))
        #expect(inner.id == "ea66c06c1e1c05fa")
        #expect(inner.parentId == "c4ca4238a0b92382")
        #expect(await service.operation(named: "broken")?.status == .failed)
    }

    @Test("Large child results use ReplayChildren and are rebuilt by re-running over the children's records")
    func replayChildren() async throws {
        let log = RunLog()
        let big = String(repeating: "x", count: DurableLimits.replayChildrenThresholdBytes + 10)
        let function = DurableClosureFunction<String, Int>(name: "big") { _, context in
            let text = try await context.runInChildContext("big") { child in
                try await child.step("make") { _ in log.record("make"); return big }
            }
            try await context.wait(for: .seconds(1))
            return text.count
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let record = try #require(await service.operation(named: "big"))
        #expect(record.contextDetails?.replayChildren == true && record.contextDetails?.result == "")
        await service.fireTimers()
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: Int.self) == big.count)
        #expect(log["make"] == 1)
    }

    @Test("map runs at most maxConcurrency items at once and keeps item order")
    func mapConcurrency() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<[Int], [Int]>(name: "map") { items, context in
            let result = try await context.map("items", items, configuration: .init(maxConcurrency: 2)) { child, item, _ in
                try await child.step("work") { _ in
                    log.enter()
                    defer { log.leave() }
                    try await Task.sleep(for: .milliseconds(10))
                    return item * 2
                }
            }
            return try result.values()
        }
        let service = ScriptedService(input: "[1,2,3,4,5]")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: [Int].self) == [2, 4, 6, 8, 10])
        #expect(log.peak <= 2 && log.peak >= 1)
        let iterations = await service.operations(subType: "MapIteration")
        #expect(iterations.map(\.name) == (0..<5).map { "map-item-\($0)" })
        #expect(iterations.first?.id == OperationID.wireId("1-1"))
    }

    @Test("map suspends per item and rebuilds the batch result on replay from the summary")
    func mapAcrossInvocations() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<[Int], String>(name: "map-wait") { items, context in
            let result = try await context.map("items", items) { child, item, index in
                let v = try await child.step("before") { _ in log.record("before-\(index)"); return item }
                try await child.wait("nap", for: .seconds(item))
                return v + 100
            }
            try await context.wait("after", for: .seconds(1))
            return "\(result.completionReason) \(try result.values())"
        }
        let service = ScriptedService(input: "[3,1,2]")
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "allCompleted [103, 101, 102]")
        for i in 0..<3 { #expect(log["before-\(i)"] == 1) }
    }

    @Test("Fail-fast by default; firstSuccessful completes early and leaves in-flight items started")
    func completionPolicies() async throws {
        let function = DurableClosureFunction<String, String>(name: "policies") { _, context in
            let failFast = try await context.map("ff", [0, 1, 2], configuration: .init(maxConcurrency: 1)) { child, item, _ in
                try await child.step("s", configuration: .init(retryStrategy: .none)) { _ in
                    if item == 1 { throw ScriptedFailure(message: "bad") }
                    return item
                }
            }
            let first = try await context.parallel("first", [
                ParallelBranch<String>("fast") { child in try await child.step("s") { _ in "fast" } },
                ParallelBranch<String>("slow") { child in
                    try await child.wait("forever", for: .days(1))
                    return "slow"
                },
            ], configuration: .init(completion: .firstSuccessful))
            return "\(failFast.completionReason) \(failFast.successCount)/\(failFast.failureCount)/\(failFast.totalCount) "
                + "\(first.completionReason) \(first.successfulValues) \(first.startedCount)"
        }
        let service = ScriptedService(input: "\"\"")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "failureToleranceExceeded 1/1/3 minSuccessfulReached [\"fast\"] 1")
        // Fail-fast never started item 2.
        #expect(await service.operations(subType: "MapIteration").count == 2)
    }

    @Test("A large handler result goes through an EXECUTION checkpoint and Result is empty")
    func largeResult() async throws {
        let function = DurableClosureFunction<String, String>(name: "huge") { _, _ in
            String(repeating: "y", count: DurableLimits.maxInlineResultBytes)
        }
        let service = ScriptedService(input: "\"\"")
        let output = await invokeOnce(function, service)
        #expect(output.status == .succeeded && output.result == "")
        #expect(await service.executionResult?.count == DurableLimits.maxInlineResultBytes + 2)
        #expect(await service.batches.last?.last?.type == .execution)
    }

    @Test("A withdrawn checkpoint token ends the invocation with PENDING")
    func withdrawnToken() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<String, String>(name: "revoked") { _, context in
            _ = try await context.step("one") { _ in log.record("one"); return 1 }
            _ = try await context.step("two") { _ in log.record("two"); return 2 }
            return "done"
        }
        let service = ScriptedService(input: "\"\"")
        await service.setWithdrawTokenAtCall(1)
        let output = await invokeOnce(function, service)
        #expect(output.status == .pending)
        #expect(log["two"] == 0)
    }

    @Test("Retryable checkpoint errors are thrown by the handler closure; other 4xx fail the execution")
    func checkpointErrors() async throws {
        let function = DurableClosureFunction<String, Int>(name: "errors") { _, context in
            try await context.step("one") { _ in 1 }
        }
        let retryable = ScriptedService(input: "\"\"")
        await retryable.setFailures([DurableServiceError.service("boom")])
        let handler = DurableRuntime.handler(for: function)
        await #expect(throws: DurableServiceError.self) {
            _ = try await handler(await retryable.nextInvocation(), retryable)
        }
        let fatal = ScriptedService(input: "\"\"")
        await fatal.setFailures([DurableServiceError.invalidParameter("Invalid parent operation id.")])
        let output = await invokeOnce(function, fatal)
        #expect(output.status == .failed)
        #expect(output.error?.errorType == "InvalidParameterValueException")
    }

    @Test("State pages beyond the first are loaded before the code runs")
    func pagination() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<String, Int>(name: "pages") { _, context in
            var total = 0
            for i in 0..<5 { total += try await context.step("s\(i)") { _ in log.record("s\(i)"); return i } }
            try await context.wait(for: .seconds(1))
            return total
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        await service.setFirstPageSize(2)
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: Int.self) == 10)
        for i in 0..<5 { #expect(log["s\(i)"] == 1) }
    }

    @Test("The context logger drops records while replaying and tags them with the execution")
    func replayAwareLogging() async throws {
        let logs = LogCollector()
        let function = DurableClosureFunction<String, String>(name: "logs") { _, context in
            context.logger.info("start")
            _ = try await context.step("s") { step in step.logger.info("in step"); return 1 }
            context.logger.info("after step")
            try await context.wait(for: .seconds(1))
            context.logger.info("after wait")
            return "ok"
        }
        let service = ScriptedService(input: "\"\"")
        let configuration = DurableRuntimeConfiguration(logger: logs.logger)
        _ = await invokeOnce(function, service, configuration: configuration)
        await service.fireTimers()
        _ = await invokeOnce(function, service, configuration: configuration)
        #expect(logs.messages == ["start", "in step", "after step", "after wait"])
        #expect(logs.allMetadata.allSatisfy { $0["executionArn"] != nil })
        #expect(logs.allMetadata.count == 4 && logs.allMetadata[1]["attempt"] == "1")
    }

    @Test("Plugins see invocations, operations and attempts; their errors are ignored")
    func plugins() async throws {
        let plugin = RecordingPlugin()
        let function = DurableClosureFunction<String, Int>(name: "plugins") { _, context in
            let value = try await context.step("s") { _ in 1 }
            try await context.wait("w", for: .seconds(1))
            return value
        }
        let service = ScriptedService(input: "\"\"")
        let configuration = DurableRuntimeConfiguration(plugins: [plugin])
        _ = await invokeOnce(function, service, configuration: configuration)
        await service.fireTimers()
        let output = await invokeOnce(function, service, configuration: configuration)
        #expect(output.status == .succeeded)
        #expect(plugin.seen == [
            "invocationStart first=true", "operationStart s", "attemptStart s 1", "attemptEnd s 1 SUCCEEDED", "operationEnd s SUCCEEDED",
            "operationStart w", "invocationEnd PENDING",
            "invocationStart first=false", "invocationEnd SUCCEEDED",
        ])
    }

    @Test("Invalid waits are rejected before anything is checkpointed")
    func invalidWait() async throws {
        let function = DurableClosureFunction<String, String>(name: "bad-wait") { _, context in
            do { try await context.wait(for: .milliseconds(1500)) } catch let error as DurableError { return "\(error.code)" }
            return "no"
        }
        let service = ScriptedService(input: "\"\"")
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "invalidArgument")
        #expect(await service.batches.isEmpty)
    }

    @Test("A wait whose START comes back SUCCEEDED continues in the same invocation")
    func waitAlreadyElapsed() async throws {
        let function = DurableClosureFunction<String, String>(name: "quick") { _, context in
            try await context.wait(for: .seconds(1))
            return "through"
        }
        let service = ScriptedService(input: "\"\"")
        await service.setCompleteWaitsImmediately(true)
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: String.self) == "through")
    }

    @Test("A user error thrown by the handler fails the execution with its type and description")
    func handlerError() async throws {
        let function = DurableClosureFunction<String, String>(name: "throws") { _, _ in throw ScriptedFailure(message: "nope") }
        let output = await invokeOnce(function, ScriptedService(input: "\"\""))
        #expect(output.status == .failed)
        #expect(output.error == ErrorObject(errorType: "ScriptedFailure", errorMessage: "nope"))
    }
}

