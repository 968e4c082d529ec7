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
