import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("DurableEngine: invocation state paging")
struct EnginePagingTests {
    @Test func largeStatesArePagedInTheInvocationEvent() async throws {
        try await EngineHarness.run(configuration: EngineConfiguration(statePageByteBudget: 2_000)) { h in
            let collected = Box<[String]>([])
            h.register { input, client in
                let arn = input.durableExecutionArn
                // Like the SDKs: load every page before looking at any operation.
                var ids = input.initialExecutionState.operations.map(\.id)
                var marker = input.initialExecutionState.nextMarker ?? ""
                while !marker.isEmpty {
                    let page = try await client.executionState(executionArn: arn, token: input.checkpointToken, marker: marker, maxItems: 1000)
                    ids += page.operations.map(\.id)
                    marker = page.nextMarker ?? ""
                }
                if !ids.contains("w1") {
                    let updates = (1...6).map { U.step("s\($0)", .succeed, payload: "\"" + String(repeating: "x", count: 500) + "\"") }
                    let r = try await client.checkpoint(executionArn: arn, token: input.checkpointToken, updates: updates, clientToken: nil)
                    _ = try await client.checkpoint(executionArn: arn, token: r.checkpointToken!, updates: [U.wait("w1", seconds: 1)], clientToken: nil)
                    return .pending
                }
                #expect(input.initialExecutionState.hasMore)
                collected.set(ids)
                return InvocationOutput(status: .succeeded)
            }
            let arn = try await h.start()
            try await h.advance(seconds: 1)
            #expect(try await h.describe(arn).status == .succeeded)
            let executionId = try #require(arn.split(separator: "/").last.map(String.init))
            #expect(collected.get == [executionId, "s1", "s2", "s3", "s4", "s5", "s6", "w1"])
            #expect((h.invocations().last?.initialExecutionState.operations.count ?? 0) < 8)
        }
    }
}
