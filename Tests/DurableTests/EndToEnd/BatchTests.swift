import Durable
import DurableModel
import DurableTesting
import Testing

@Suite("Map and parallel end to end")
struct BatchTests {
    @Test("map never runs more items at once than maxConcurrency", arguments: [1, 2, 3])
    func maxConcurrency(limit: Int) async throws {
        let gauge = ConcurrencyGauge()
        let function = DurableClosureFunction<[Int], [Int]>(name: "bounded") { items, context in
            let result = try await context.map("items", items, configuration: .init(maxConcurrency: limit)) { child, item, _ in
                try await child.step("work") { _ in
                    gauge.enter()
                    defer { gauge.leave() }
                    try await Task.sleep(for: .milliseconds(20))
                    return item * 10
                }
            }
            return try result.values()
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: Array(0..<8))
            #expect(try await execution.result() == (0..<8).map { $0 * 10 })
        }
        #expect(gauge.peak <= limit)
        #expect(gauge.peak >= 1)
    }

    @Test("map items suspend and resume independently; results come back in item order")
    func mapAcrossSuspension() async throws {
        let counter = Counter()
        let function = DurableClosureFunction<[Int], [Int]>(name: "map-wait") { items, context in
            let result = try await context.map("items", items) { child, item, index in
                let v = try await child.step("before") { _ in counter.bump("before-\(index)"); return item }
                try await child.wait("nap", for: .seconds(item + 1))
                return v + 100
            }
            return try result.values()
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: [3, 1, 2])
            #expect(try await execution.result() == [103, 101, 102])
            let iterations = try await execution.operations().filter { $0.subType == "MapIteration" }
            #expect(iterations.map(\.name) == ["map-item-0", "map-item-1", "map-item-2"])
        }
        for i in 0..<3 { #expect(counter["before-\(i)"] == 1) }
    }

    @Test("Tolerated failure count: at the boundary the batch completes, one more exceeds it")
    func toleratedFailureCount() async throws {
        for (failures, expected) in [(2, BatchCompletionReason.allCompleted), (3, .failureToleranceExceeded)] {
            let function = DurableClosureFunction<Int, String>(name: "tolerance-\(failures)") { failing, context in
                let result = try await context.map(
                    "items", Array(0..<6),
                    configuration: .init(maxConcurrency: 1, completion: .init(toleratedFailureCount: 2))
                ) { child, item, _ in
                    try await child.step("work", configuration: .init(retryStrategy: .none)) { _ in
                        if item < failing { throw TestFailure(message: "item \(item)") }
                        return item
                    }
                }
                return "\(result.completionReason) \(result.successCount) \(result.failureCount)"
            }
            try await DurableTestRunner.withRunner { runner in
                let execution = try await runner.start(function, input: failures)
                let text = try await execution.result()
                #expect(text.hasPrefix("\(expected)"))
                if failures == 2 { #expect(text.hasSuffix(" 4 2")) }
                if failures == 3 { #expect(text.hasSuffix(" 0 3")) }
            }
        }
    }

    @Test("minSuccessful stops the batch as soon as it is reached")
    func minSuccessful() async throws {
        let started = Counter()
        let function = DurableClosureFunction<String, String>(name: "min-successful") { _, context in
            let result = try await context.map(
                "items", Array(0..<5),
                configuration: .init(maxConcurrency: 1, completion: .init(minSuccessful: 2))
            ) { child, item, _ in
                try await child.step("work") { _ in started.bump("item"); return item }
            }
            return "\(result.completionReason) \(result.successCount)"
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "\(BatchCompletionReason.minSuccessfulReached) 2")
        }
        #expect(started["item"] == 2)
    }

    @Test("Fail-fast by default: the first failure ends a parallel; throwIfError rethrows it")
    func parallelFailFast() async throws {
        let function = DurableClosureFunction<String, String>(name: "parallel-fail-fast") { _, context in
            let result = try await context.parallel("branches", [
                ParallelBranch<String>("ok") { child in try await child.step("s") { _ in "fine" } },
                ParallelBranch<String>("bad") { child in
                    try await child.step("s", configuration: .init(retryStrategy: .none)) { _ -> String in throw TestFailure(message: "boom") }
                },
            ], configuration: .init(maxConcurrency: 1))
            do {
                try result.throwIfError()
                return "no error"
            } catch let error as DurableError {
                return "\(result.completionReason) \(error.errorObject.errorMessage ?? "")"
            }
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "\(BatchCompletionReason.failureToleranceExceeded) boom")
            let branches = try await execution.operations().filter { $0.subType == "ParallelBranch" }
            #expect(branches.map(\.name) == ["ok", "bad"])
        }
    }

    @Test("Tolerated failure percentage at its boundary")
    func toleratedPercentage() async throws {
        let function = DurableClosureFunction<String, String>(name: "percentage") { _, context in
            let result = try await context.map(
                "items", Array(0..<4),
                configuration: .init(maxConcurrency: 1, completion: .init(toleratedFailurePercentage: 50))
            ) { child, item, _ in
                try await child.step("w", configuration: .init(retryStrategy: .none)) { _ in
                    if item % 2 == 0 { throw TestFailure(message: "even") }
                    return item
                }
            }
            return "\(result.completionReason) \(result.successCount) \(result.failureCount)"
        }
        try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(function, input: "")
            #expect(try await execution.result() == "\(BatchCompletionReason.allCompleted) 2 2")
        }
    }
}
