import DurableModel
import DurableServer
import Foundation
import Testing

@Suite("ExecutionRecord direct JSON")
struct ExecutionRecordDirectJSONTests {
    /// An encoder whose output depends only on the members (keys sorted).
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    /// Strings that need escaping, non-ASCII text and the empty string.
    static let texts = ["", "plain", "quote \" backslash \\ slash /", "line\nbreak\ttab\u{01}", "ünïcödé 🎉", "{\"json\":[1,2]}"]

    static func randomRecord(_ generator: inout some RandomNumberGenerator) -> ExecutionRecord {
        func text() -> String { texts.randomElement(using: &generator)! + String(Int.random(in: 0..<1000, using: &generator)) }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        func date() -> Date { Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...1e9, using: &generator)) }
        var record = ExecutionRecord(
            arn: text(), functionName: text(), qualifier: text(), executionName: text(), executionId: text(),
            functionArn: text(), executedVersion: text(), startTimestamp: date(), inputPayload: maybe(text()),
            executionTimeoutSeconds: Int.random(in: 1...1_000_000, using: &generator),
            retentionPeriodDays: Int.random(in: 1...90, using: &generator), tenantId: maybe(text()), traceHeader: maybe(text()),
            parentExecutionArn: maybe(text()), parentOperationId: maybe(text()))
        record.status = ExecutionStatus.allCases.randomElement(using: &generator)!
        record.endTimestamp = maybe(date())
        record.result = maybe(text())
        record.error = maybe(ErrorObject(errorType: maybe(text()), errorMessage: maybe(text()), errorData: maybe(text()),
                                         stackTrace: maybe([text(), text()])))
        record.purgeAfter = maybe(date())
        record.version = Int.random(in: 0...Int(Int32.max), using: &generator)
        record.lastSequence = Int.random(in: 0...100_000, using: &generator)
        record.lastPosition = Int.random(in: 0...100_000, using: &generator)
        record.lastEventId = Int.random(in: 0...100_000, using: &generator)
        record.observedSequence = Int.random(in: 0...100_000, using: &generator)
        record.previousInvocationSequence = Int.random(in: 0...100_000, using: &generator)
        record.checkpointToken = maybe(text())
        record.lastCheckpoint = maybe(CachedCheckpoint(clientToken: text(), inboundToken: text(), responseToken: maybe(text()),
                                                       observedBefore: Int.random(in: 0...Int.max, using: &generator)))
        record.invocationPhase = [InvocationPhase.idle, .queued, .running].randomElement(using: &generator)!
        record.currentInvocation = maybe(InvocationTicket(requestId: text(), startTimestamp: date()))
        record.failedInvocations = Int.random(in: 0...5, using: &generator)
        record.idlePendingAnswers = Int.random(in: 0...5, using: &generator)
        return record
    }

    /// The record keeps its members in shared storage (`CopyOnWrite`): a changed copy must leave the
    /// original, its coding and its hash alone.
    @Test func aChangedCopyLeavesTheOriginalAlone() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let original = Self.randomRecord(&generator)
            let frozen = try Self.sorted.encode(original)
            var copy = original
            copy.version += 1
            copy.deferredChainedResults.append(ChainedOutcome(operationId: "x", status: .succeeded, result: "1", error: nil))
            #expect(copy != original)
            #expect(try Self.sorted.encode(original) == frozen)
            copy.version = original.version
            copy.deferredChainedResults = original.deferredChainedResults
            #expect(copy == original)
            #expect(copy.hashValue == original.hashValue)
        }
    }

    @Test func jsonDecoderReadsBackEveryFieldAndTheMembersMatchJSONEncoders() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let record = Self.randomRecord(&generator)
            let direct = try #require(try record.directJSONDocument())
            #expect(try JSONDecoder().decode(ExecutionRecord.self, from: Data(direct.utf8)) == record)
            // The same members with the same values as JSONEncoder writes (order and spelling of numbers aside).
            let viaEncoder = try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? NSDictionary
            let viaDirect = try JSONSerialization.jsonObject(with: Data(direct.utf8)) as? NSDictionary
            #expect(viaDirect == viaEncoder)
        }
    }

    @Test func recordsInRareStatesAreLeftToJSONEncoder() throws {
        var generator = SystemRandomNumberGenerator()
        var completed = Self.randomRecord(&generator)
        completed.checkpointedCompletion = .succeeded("done")
        #expect(try completed.directJSONDocument() == nil)
        var deferred = Self.randomRecord(&generator)
        deferred.deferredChainedResults = [ChainedOutcome(operationId: "op", status: .succeeded, result: "1")]
        #expect(try deferred.directJSONDocument() == nil)
    }

    @Test func theDirectReaderReadsBothCodingsBackExactly() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let record = Self.randomRecord(&generator)
            let viaEncoder = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
            #expect(ExecutionRecord(directJSONDocument: viaEncoder) == record)
            #expect(ExecutionRecord(directJSONDocument: try #require(try record.directJSONDocument())) == record)
        }
    }

    @Test func theDirectReaderDeclinesWhatOnlyJSONDecoderReads() throws {
        var generator = SystemRandomNumberGenerator()
        var completed = Self.randomRecord(&generator)
        completed.checkpointedCompletion = .failed(ErrorObject(errorType: "E", errorMessage: "m"))
        let completedText = String(decoding: try JSONEncoder().encode(completed), as: UTF8.self)
        #expect(ExecutionRecord(directJSONDocument: completedText) == nil)
        #expect(try JSONDecoder().decode(ExecutionRecord.self, from: Data(completedText.utf8)) == completed)
        var deferred = Self.randomRecord(&generator)
        deferred.deferredChainedResults = [ChainedOutcome(operationId: "op", status: .failed)]
        #expect(ExecutionRecord(directJSONDocument: String(decoding: try JSONEncoder().encode(deferred), as: UTF8.self)) == nil)

        // A receipt in the form records had before receipts (a whole cached response).
        var legacy = Self.randomRecord(&generator)
        legacy.lastCheckpoint = nil
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(legacy)) as? [String: Any])
        object["lastCheckpoint"] = ["clientToken": "c", "inboundToken": "i", "response": ["CheckpointToken": "t", "NewExecutionState": ["Operations": [Any]()]]]
        let legacyText = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(ExecutionRecord(directJSONDocument: legacyText) == nil)
        #expect(try JSONDecoder().decode(ExecutionRecord.self, from: Data(legacyText.utf8)).lastCheckpoint?.responseToken == "t")

        // Every truncation and a missing required member: declined, never a crash.
        let text = try #require(try Self.randomRecord(&generator).directJSONDocument())
        for end in stride(from: 0, to: text.utf8.count, by: 7) {
            #expect(ExecutionRecord(directJSONDocument: String(decoding: text.utf8.prefix(end), as: UTF8.self)) == nil)
        }
        object.removeValue(forKey: "version")
        object["lastCheckpoint"] = nil
        #expect(ExecutionRecord(directJSONDocument: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)) == nil)
    }
}
