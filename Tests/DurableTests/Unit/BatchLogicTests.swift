@testable import Durable
import DurableModel
import Testing

@Suite("Completion policy and batch results")
struct BatchLogicTests {
    @Test("No criteria is fail-fast")
    func failFast() {
        let policy = CompletionConfiguration()
        #expect(policy.completionReason(total: 5, succeeded: 2, failed: 0) == nil)
        #expect(policy.completionReason(total: 5, succeeded: 2, failed: 1) == .failureToleranceExceeded)
        #expect(policy.completionReason(total: 5, succeeded: 5, failed: 0) == .allCompleted)
    }

    @Test("Tolerated count and percentage are exceeded only strictly above the limit")
    func tolerance() {
        let count = CompletionConfiguration(toleratedFailureCount: 2)
        #expect(count.completionReason(total: 6, succeeded: 0, failed: 2) == nil)
        #expect(count.completionReason(total: 6, succeeded: 4, failed: 2) == .allCompleted)
        #expect(count.completionReason(total: 6, succeeded: 0, failed: 3) == .failureToleranceExceeded)
        let percentage = CompletionConfiguration(toleratedFailurePercentage: 50)
        #expect(percentage.completionReason(total: 4, succeeded: 2, failed: 2) == .allCompleted)
        #expect(percentage.completionReason(total: 4, succeeded: 0, failed: 3) == .failureToleranceExceeded)
        #expect(CompletionConfiguration.allCompleted.completionReason(total: 3, succeeded: 0, failed: 3) == .allCompleted)
        #expect(CompletionConfiguration.allSuccessful.completionReason(total: 3, succeeded: 1, failed: 1) == .failureToleranceExceeded)
    }

    @Test("minSuccessful completes early; firstSuccessful tolerates failures")
    func minSuccessful() {
        let policy = CompletionConfiguration(minSuccessful: 2)
        #expect(policy.completionReason(total: 5, succeeded: 1, failed: 0) == nil)
        #expect(policy.completionReason(total: 5, succeeded: 2, failed: 0) == .minSuccessfulReached)
        #expect(CompletionConfiguration.firstSuccessful.completionReason(total: 3, succeeded: 0, failed: 2) == nil)
        #expect(CompletionConfiguration.firstSuccessful.completionReason(total: 3, succeeded: 1, failed: 2) == .allCompleted)
    }

    @Test("BatchResult accessors")
    func accessors() throws {
        let failure = DurableError(code: .childContextFailed, errorObject: ErrorObject(errorType: "E", errorMessage: "bad"))
        let result = BatchResult<Int>(all: [
            BatchItem(index: 2, status: .started),
            BatchItem(index: 1, status: .failed, error: failure),
            BatchItem(index: 0, status: .succeeded, result: 10),
        ], completionReason: .failureToleranceExceeded, totalCount: 4)
        #expect(result.all.map(\.index) == [0, 1, 2])
        #expect(result.successCount == 1 && result.failureCount == 1 && result.startedCount == 1 && result.totalCount == 4)
        #expect(result.successfulValues == [10])
        #expect(result.hasFailure && result.status == .failed)
        #expect(result.errors == [failure])
        #expect { try result.throwIfError() } throws: { error in
            let durable = error as? DurableError
            return durable?.code == .batchFailed && durable?.errorObject.errorMessage == "bad"
        }
        #expect(throws: DurableError.self) { try result.values() }
        let clean = BatchResult<Int>(all: [BatchItem(index: 0, status: .succeeded, result: 1)], completionReason: .allCompleted, totalCount: 1)
        #expect(try clean.values() == [1])
        #expect(clean.status == .succeeded)
    }

    @Test("Summaries round-trip results and errors")
    func summaries() throws {
        let context = SerializationContext(operationId: "m", executionArn: "arn")
        let result = BatchResult<String>(all: [
            BatchItem(index: 0, status: .succeeded, result: "a"),
            BatchItem(index: 1, status: .failed, error: DurableError(code: .childContextFailed, errorObject: ErrorObject(errorType: "T"))),
        ], completionReason: .allCompleted, totalCount: 2)
        let serializer = JSONPayloadSerializer<String>()
        let items = DurableContext.summaryItems(result, texts: ["\"a\"", nil])
        #expect(items.map(\.result) == ["\"a\"", nil])
        let summary = DurableContext.summary(result, kind: .map, items: items)
        #expect(summary.type == "MapResult" && summary.status == "FAILED" && summary.successCount == 1)
        let rebuilt = try DurableContext.rebuild(summary, items: items, serializer: serializer, context: context)
        #expect(rebuilt.successfulValues == ["a"])
        #expect(rebuilt.failures.first?.error?.errorObject.errorType == "T")
    }

    @Test("A first run's values stand in for decoding only when the serializer round-trips them exactly")
    func rebuildFromFirstRun() throws {
        let context = SerializationContext(operationId: "m", executionArn: "arn")
        // The stored text disagrees with the first run's value, so the test sees which one was used.
        let items = [BatchSummary.Item(index: 0, status: .succeeded, result: "\"stored\"")]
        let result = BatchResult<String>(all: [BatchItem(index: 0, status: .succeeded, result: "first run")], completionReason: .allCompleted, totalCount: 1)
        let summary = DurableContext.summary(result, kind: .map, items: nil)
        let exact = try DurableContext.rebuild(summary, items: items, serializer: JSONPayloadSerializer<String>(), context: context, firstRun: result)
        #expect(exact.successfulValues == ["first run"])
        let custom = try DurableContext.rebuild(summary, items: items, serializer: PrefixingSerializer(), context: context, firstRun: result)
        #expect(custom.successfulValues == ["decoded:\"stored\""])
    }
}

/// A serializer whose decoding differs from its input, as a user serializer may.
private struct PrefixingSerializer: PayloadSerializer {
    func serialize(_ value: String, context: SerializationContext) throws -> String? { value }
    func deserialize(_ text: String?, context: SerializationContext) throws -> String { "decoded:" + (text ?? "") }
}
