@testable import Durable
import DurableModel
import Foundation
import Testing

@Suite("BatchSummary JSON")
struct BatchSummaryJSONTests {
    /// Strings that stress escaping: quotes, backslashes, slashes, controls, non-ASCII, empty.
    static let texts = ["", "42", "\"quoted\"", "a/b\\c", "line\nbreak\ttab\u{1}\u{1f}", "émoji 🎉", "{\"k\":[1,2]}", "\u{7f}\u{2028}"]

    static func randomSummary(_ generator: inout some RandomNumberGenerator, items: Bool) -> BatchSummary {
        func text() -> String { texts.randomElement(using: &generator)! }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
        let count = Int.random(in: 0...12, using: &generator)
        let entries = (0..<count).map { index in
            BatchSummary.Item(
                index: index, status: [.succeeded, .failed, .started].randomElement(using: &generator)!,
                result: maybe(text()),
                error: maybe(ErrorObject(errorType: maybe(text()), errorMessage: maybe(text()), errorData: maybe(text()),
                                         stackTrace: maybe((0..<Int.random(in: 0...3, using: &generator)).map { _ in text() }))))
        }
        return BatchSummary(
            type: Bool.random(using: &generator) ? "MapResult" : "ParallelResult", totalCount: count,
            completionReason: [.allCompleted, .minSuccessfulReached, .failureToleranceExceeded].randomElement(using: &generator)!,
            successCount: Int.random(in: 0...count, using: &generator), failureCount: Int.random(in: -1...count, using: &generator),
            startedCount: Int.random(in: 0...Int.max, using: &generator), status: text(), items: items ? entries : nil,
            completedIndexes: maybe((0..<count).filter { _ in Bool.random(using: &generator) }),
            startedIndexes: maybe((0..<count).map { -$0 }))
    }

    @Test func matchesThePayloadEncoderByteForByte() throws {
        // A mismatch prints both texts, which name the summary; no seed is needed to reproduce it.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let summary = Self.randomSummary(&generator, items: Bool.random(using: &generator))
            #expect(summary.json() == (try JSONCoding.string(summary)))
        }
    }

    @Test func readsBackAsTheSameSummary() throws {
        var generator = SystemRandomNumberGenerator()
        let summary = Self.randomSummary(&generator, items: true)
        let decoded = try JSONCoding.decoder.decode(BatchSummary.self, from: Data(summary.json().utf8))
        #expect(try JSONCoding.string(decoded) == summary.json())
    }
}
