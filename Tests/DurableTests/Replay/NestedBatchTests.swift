@testable import Durable
import DurableModel
import Foundation
import Testing

@Suite("Nested batches across many invocations")
struct NestedBatchTests {
    @Test("Callbacks inside a bounded map: suspended items keep their slots until completed")
    func callbacksInMap() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<String, [Int]>(name: "nested") { _, context in
            let result = try await context.map("orders", Array(0..<5), configuration: .init(maxConcurrency: 2)) { item, value, index in
                let approved = try await item.waitForCallback("approve-\(index)", as: Int.self) { _, _ in log.record("submit-\(index)") }
                let inner = try await item.parallel("inner", [
                    ParallelBranch<Int> { branch in try await branch.step { _ in approved + 1 } },
                    ParallelBranch<Int> { branch in try await branch.step { _ in value * 100 } },
                ])
                return try inner.values().reduce(0, +)
            }
            return try result.values()
        }
        let service = ScriptedService(input: "\"\"")
        var rounds = 0
        var output = await invokeOnce(function, service)
        while output.status == .pending, rounds < 10 {
            rounds += 1
            let open = await service.operations.filter { $0.type == .callback && $0.status == .started }
            // Never more than maxConcurrency items waiting at once.
            #expect(open.count <= 2)
            for callback in open {
                await service.succeedCallback(try #require(callback.callbackDetails?.callbackId), result: "\(rounds)")
            }
            output = await invokeOnce(function, service)
        }
        #expect(output.status == .succeeded)
        let values = try decodeResult(output, as: [Int].self)
        #expect(values.count == 5)
        #expect(values.enumerated().allSatisfy { $0.element >= $0.offset * 100 + 2 })
        for i in 0..<5 { #expect(log["submit-\(i)"] == 1) }
        #expect(rounds == 3)
    }
}
