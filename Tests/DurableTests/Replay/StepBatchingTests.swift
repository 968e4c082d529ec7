@testable import Durable
import DurableModel
import Foundation
import Synchronization
import Testing

@Suite("Checkpoint batching of at-least-once steps")
struct StepBatchingTests {
    @Test("An at-least-once step's START rides in the same checkpoint as its SUCCEED")
    func startAndSucceedShareACheckpoint() async throws {
        let service = ScriptedService(input: "3")
        let function = DurableClosureFunction<Int, Int>(name: "three") { count, context in
            var sum = 0
            for index in 0..<count { sum += try await context.step("s\(index)") { _ in index } }
            return sum
        }
        let output = await invokeOnce(function, service)
        #expect(output.status == .succeeded)
        #expect(try decodeResult(output, as: Int.self) == 3)
        let steps = await service.batches.filter { batch in batch.contains { $0.type == .step } }
        #expect(steps.count == 3)
        #expect(steps.allSatisfy { $0.map(\.action) == [.start, .succeed] })
        #expect(await service.operations.filter { $0.type == .step }.allSatisfy { $0.status == .succeeded })
    }

    @Test("A step whose body runs long still checkpoints its START while the body runs")
    func longStepStartIsSentDuringTheBody() async throws {
        let service = ScriptedService(input: "\"\"")
        let seenDuringBody = Mutex<[[OperationAction]]>([])
        let function = DurableClosureFunction<String, String>(name: "slow") { _, context in
            try await context.step("slow") { _ in
                // The body outlasts the 50 ms grace period, then waits (up to 20 s on a loaded machine)
                // for the START to arrive while it is still running.
                let deadline = ContinuousClock.now + .seconds(20)
                try await Task.sleep(for: .milliseconds(100))
                var batches: [[OperationAction]] = []
                while batches.isEmpty, ContinuousClock.now < deadline {
                    batches = await service.batches.map { $0.map(\.action) }
                    if batches.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
                }
                seenDuringBody.withLock { $0 = batches }
                return "done"
            }
        }
        #expect(await invokeOnce(function, service).status == .succeeded)
        #expect(seenDuringBody.withLock { $0 } == [[.start]])
    }

    @Test("A failed attempt's START goes out with its RETRY; the retry's START with its SUCCEED")
    func retryCarriesTheStart() async throws {
        let service = ScriptedService(input: "\"\"")
        let attempts = Mutex(0)
        let function = DurableClosureFunction<String, String>(name: "flaky") { _, context in
            try await context.step("flaky") { _ in
                let attempt = attempts.withLock { value -> Int in
                    value += 1
                    return value
                }
                if attempt == 1 { throw ScriptedFailure(message: "first") }
                return "ok"
            }
        }
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        #expect(await invokeOnce(function, service).status == .succeeded)
        let steps = await service.batches.filter { batch in batch.contains { $0.type == .step } }.map { $0.map(\.action) }
        #expect(steps == [[.start, .retry], [.start, .succeed]])
    }

    @Test("ClientTokens are valid and never repeat, within an invocation or across invocations")
    func clientTokensAreUnique() async throws {
        let service = ScriptedService(input: "\"\"")
        let function = DurableClosureFunction<String, Int>(name: "tokens") { _, context in
            var sum = 0
            for index in 0..<3 { sum += try await context.step("a\(index)") { _ in index } }
            try await context.wait("pause", for: .seconds(1))
            for index in 0..<3 { sum += try await context.step("b\(index)") { _ in index } }
            return sum
        }
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        #expect(await invokeOnce(function, service).status == .succeeded)
        let tokens = await service.clientTokens.compactMap { $0 }
        #expect(tokens.count == (await service.batches.count))
        #expect(tokens.count >= 7)
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy(Validation.isClientToken))
    }

    @Test("A batch item cancelled by its batch's early completion does not abort a checkpoint call in flight")
    func cancelledItemLeavesTheCallToTheFlusher() async throws {
        let service = ScriptedService(input: "\"\"")
        let secondInvocation = Mutex(false)
        // Item 0 finishes in the first invocation; item 1 waits. In the second, item 0 replays slowly (its
        // serializer sleeps) while item 1's at-most-once START is in flight, then completes the batch,
        // which cancels item 1 mid-call.
        let function = DurableClosureFunction<String, Int>(name: "early") { _, context in
            let again = secondInvocation.withLock { $0 }
            let configuration = MapConfiguration<Int>(completion: again ? .firstSuccessful : .allSuccessful)
            let result = try await context.map("items", [0, 1], configuration: configuration, serializers: BatchSerializers(item: SlowReplaySerializer())) { child, item, _ in
                if item == 1 {
                    try await child.wait("pause", for: .seconds(1))
                    return try await child.step("effect", configuration: StepConfiguration(semantics: .atMostOncePerRetry)) { _ in 1 }
                }
                return try await child.step("quick") { _ in 0 }
            }
            return result.successCount
        }
        #expect(await invokeOnce(function, service).status == .pending)
        await service.fireTimers()
        secondInvocation.withLock { $0 = true }
        await service.setDelay(.milliseconds(400))
        let output = await invokeOnce(function, service)
        #expect(output.status == .succeeded)
        #expect(try decodeResult(output, as: Int.self) == 1)
        #expect(await service.operation(named: "effect")?.status == .started)
    }
}

/// JSON for `Int` items whose decoding takes 100 ms, so a replayed item finishes after its siblings began.
private struct SlowReplaySerializer: PayloadSerializer {
    func serialize(_ value: Int, context: SerializationContext) throws -> String? { String(value) }
    func deserialize(_ text: String?, context: SerializationContext) throws -> Int {
        usleep(100_000)
        return Int(text ?? "") ?? 0
    }
}
