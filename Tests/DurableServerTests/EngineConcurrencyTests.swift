import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("DurableEngine: concurrency")
struct EngineConcurrencyTests {
    @Test func concurrentCheckpointsWithOneTokenApplyOnce() async throws {
        try await EngineHarness.run { h in
            let outcomes = Box<[String]>([])
            h.register { input, client in
                let arn = input.durableExecutionArn, token = input.checkpointToken
                await withTaskGroup(of: String.self) { group in
                    for i in 0..<8 {
                        group.addTask {
                            do {
                                _ = try await client.checkpoint(executionArn: arn, token: token, updates: [U.step("s\(i)", .succeed, payload: "\(i)")],
                                                                clientToken: nil)
                                return "ok"
                            } catch let error as DurableServiceError {
                                return error.message
                            } catch {
                                return "\(error)"
                            }
                        }
                    }
                    for await outcome in group { outcomes.update { $0.append(outcome) } }
                }
                return InvocationOutput(status: .succeeded)
            }
            let arn = try await h.start()
            #expect(outcomes.get.filter { $0 == "ok" }.count == 1)
            #expect(outcomes.get.filter { $0 == "Invalid checkpoint token" }.count == 7)
            #expect(try await h.eventTypes(arn).filter { $0 == .stepSucceeded }.count == 1)
        }
    }

    @Test func manyExecutionsRunInParallel() async throws {
        try await EngineHarness.run { h in
            h.register { input, client in
                guard let wait = input.op("w1") else {
                    let r = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                        updates: [U.step("s1", .start), U.step("s1", .succeed, payload: "1")], clientToken: nil)
                    _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: r.checkpointToken!,
                                                    updates: [U.wait("w1", seconds: 5)], clientToken: nil)
                    return .pending
                }
                return wait.status == .succeeded ? InvocationOutput(status: .succeeded, result: "\"ok\"") : .pending
            }
            let arns = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<40 {
                    group.addTask { try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "e\(i)")).executionArn }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            await h.engine.waitUntilIdle()
            try await h.advance(seconds: 5)
            for arn in arns {
                #expect(try await h.describe(arn).status == .succeeded)
                #expect(try await h.events(arn).map(\.eventId) == Array(1...8))
            }
            #expect(h.invocations().count == 80)
        }
    }

    /// `maxConcurrentInvocations` bounds handlers running at once (each permit goes back exactly once,
    /// when its handler has answered), and every queued execution still runs.
    @Test func handlersRunAtMostMaxConcurrentAtOnce() async throws {
        try await EngineHarness.run(configuration: EngineConfiguration(maxConcurrentInvocations: 2)) { h in
            let running = Box(0)
            let most = Box(0)
            h.register { input, client in
                running.update { $0 += 1 }
                most.update { $0 = max($0, running.get) }
                // A checkpoint and a pause keep the handler running while others are queued.
                _ = try await client.checkpoint(executionArn: input.durableExecutionArn, token: input.checkpointToken,
                                                updates: [U.step("s1", .succeed, payload: "1")], clientToken: nil)
                try await Task.sleep(for: .milliseconds(5))
                running.update { $0 -= 1 }
                return InvocationOutput(status: .succeeded, result: "1")
            }
            let arns = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<12 {
                    group.addTask { try await h.engine.startExecution(StartExecutionRequest(functionName: "fn", executionName: "b\(i)")).executionArn }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            await h.engine.waitUntilIdle()
            for arn in arns { #expect(try await h.describe(arn).status == .succeeded) }
            #expect(most.get == 2)
            #expect(h.invocations().count == 12)
        }
    }

    @Test func stateMarkersPageAndRejectGarbage() async throws {
        try await EngineHarness.run { h in
            let pages = Box<[[String]]>([])
            let garbage = Box<String?>(nil)
            h.register { input, client in
                let arn = input.durableExecutionArn
                let updates = (1...5).map { U.step("s\($0)", .succeed, payload: "\($0)") }
                let r = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: updates, clientToken: nil)
                let token = r.checkpointToken!
                var marker = ""
                repeat {
                    let page = try await client.executionState(executionArn: arn, token: token, marker: marker, maxItems: 2)
                    pages.update { $0.append(page.operations.map(\.id)) }
                    marker = page.nextMarker ?? ""
                } while !marker.isEmpty
                garbage.set(await serviceError { _ = try await client.executionState(executionArn: arn, token: token, marker: "zz", maxItems: 2) }?.message)
                return InvocationOutput(status: .succeeded)
            }
            let arn = try await h.start()
            let executionId = try #require(arn.split(separator: "/").last.map(String.init))
            #expect(pages.get == [[executionId, "s1"], ["s2", "s3"], ["s4", "s5"]])
            #expect(garbage.get == "Invalid marker")
        }
    }
}
