@testable import Durable
import DurableModel
import Foundation
import Testing

/// Wraps JSON strings as `wrapped:<value>` (a non-identity item serializer).
struct WrappingSerializer: PayloadSerializer {
    func serialize(_ value: String, context: SerializationContext) throws -> String? { "wrapped:\(value)" }
    func deserialize(_ text: String?, context: SerializationContext) throws -> String {
        guard let text, text.hasPrefix("wrapped:") else { throw ScriptedFailure(message: "not wrapped: \(text ?? "nil")") }
        return String(text.dropFirst("wrapped:".count))
    }
}

/// Stores a whole batch of strings as `OPSERDE:A,B`.
struct OperationSerializer: PayloadSerializer {
    func serialize(_ value: BatchResult<String>, context: SerializationContext) throws -> String? {
        "OPSERDE:" + value.successfulValues.joined(separator: ",")
    }
    func deserialize(_ text: String?, context: SerializationContext) throws -> BatchResult<String> {
        let values = (text ?? "").dropFirst("OPSERDE:".count).split(separator: ",").map(String.init)
        return BatchResult(
            all: values.enumerated().map { BatchItem(index: $0.offset, status: .succeeded, result: $0.element) },
            completionReason: .allCompleted, totalCount: values.count)
    }
}

@Suite("Batch nesting and serializers, invoke serializers")
struct BatchOptionsTests {
    @Test("FLAT nesting: no per-item contexts, item operations hang under the Map context")
    func flat() async throws {
        let log = RunLog()
        let function = DurableClosureFunction<String, [String]>(name: "flat") { _, context in
            let result = try await context.map("flat", ["fa", "fb"], configuration: .init(maxConcurrency: 1, nesting: .flat)) { item, value, index in
                try await item.step { _ in log.record("step-\(index)"); return value }
            }
            try await context.wait(for: .seconds(1))
            return try result.values()
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let map = try #require(await service.operation(named: "flat"))
        let steps = await service.operations.filter { $0.type == .step }
        #expect(await service.operations(subType: "MapIteration").isEmpty)
        #expect(steps.count == 2 && steps.allSatisfy { $0.parentId == map.id })
        #expect(steps.map(\.id) == [OperationID.wireId("1-1-1"), OperationID.wireId("1-2-1")])
        await service.fireTimers()
        let output = await invokeOnce(function, service)
        #expect(try decodeResult(output, as: [String].self) == ["fa", "fb"])
        #expect(log["step-0"] == 1 && log["step-1"] == 1)
    }

    @Test("Item serializer shapes the per-item payloads and the results survive replay")
    func itemSerializer() async throws {
        let function = DurableClosureFunction<String, [String]>(name: "item-serdes") { _, context in
            let result = try await context.map(
                "serdes", ["x", "y"], configuration: .init(maxConcurrency: 1), serializers: .init(item: WrappingSerializer())
            ) { _, value, _ in value.uppercased() }
            try await context.wait(for: .seconds(1))
            return try result.values()
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let payloads = await service.operations(subType: "MapIteration").map { $0.contextDetails?.result }
        #expect(payloads == ["wrapped:X", "wrapped:Y"])
        await service.fireTimers()
        #expect(try decodeResult(await invokeOnce(function, service), as: [String].self) == ["X", "Y"])
    }

    @Test("Result serializer replaces the summary and rebuilds the result on replay")
    func resultSerializer() async throws {
        let function = DurableClosureFunction<String, [String]>(name: "op-serdes") { _, context in
            let result = try await context.parallel(
                "op", [ParallelBranch<String> { _ in "X" }, ParallelBranch<String> { _ in "Y" }],
                configuration: .init(maxConcurrency: 1), serializers: .init(result: OperationSerializer()))
            try await context.wait(for: .seconds(1))
            return try result.values()
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        #expect(await service.operation(named: "op")?.contextDetails?.result == "OPSERDE:X,Y")
        await service.fireTimers()
        #expect(try decodeResult(await invokeOnce(function, service), as: [String].self) == ["X", "Y"])
    }

    @Test("invoke uses the given payload and result serializers")
    func invokeSerializers() async throws {
        let function = DurableClosureFunction<String, String>(name: "inv-serdes") { _, context in
            try await context.invoke(
                "call", function: "echo", input: "hello", as: String.self,
                payloadSerializer: RawStringSerializer(), resultSerializer: RawStringSerializer())
        }
        let service = ScriptedService(input: "\"\"")
        #expect(await invokeOnce(function, service).status == .pending)
        let start = try #require(await service.operation(named: "call"))
        #expect(await service.batches.flatMap { $0 }.first { $0.type == .chainedInvoke }?.payload == "hello")
        await service.finishInvoke(start.id, result: "HELLO")
        #expect(try decodeResult(await invokeOnce(function, service), as: String.self) == "HELLO")
    }
}
