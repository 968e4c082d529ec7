import DurableModel
import Foundation

/// Random but reproducible operations and history events covering every type, status, detail and
/// member, with strings chosen to exercise JSON escaping and non-ASCII text.
struct DirectJSONSamples {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    // SplitMix64: the same seed gives the same samples, so a failure names its reproduction.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let tricky: [String] = [
        "", "a", "step-1", "/", "a/b", "\"", "\\", "\\\"", "\u{0}", "\u{1}", "\u{1f}", "\u{7f}", "\u{80}", "é", "e\u{301}",
        "😀", "👩‍👩‍👧", "\u{2028}\u{2029}", "\u{FEFF}", "\u{FFFF}", "\u{10FFFF}", "\r\n\t\u{8}\u{c}", "中文テキスト",
        "{\"a\":[1,2,{\"b\":null}]}", "\"quoted\" \\path\\ /slash/", "</script>", "\\u0041", "null", "true", "1e5",
        String(repeating: "x", count: 1_000), String(repeating: "é😀\"\\\n", count: 200),
    ]

    mutating func string() -> String {
        switch below(4) {
        case 0: return Self.tricky[below(Self.tricky.count)]
        case 1: return Self.tricky[below(Self.tricky.count)] + Self.tricky[below(Self.tricky.count)]
        case 2:
            // Random scalars from every UTF-8 length class, controls included.
            let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
            var text = ""
            for _ in 0..<below(12) {
                let range = ranges[below(ranges.count)]
                text.unicodeScalars.append(Unicode.Scalar(range.lowerBound + UInt32(below(Int(range.upperBound - range.lowerBound) + 1)))!)
            }
            return text
        default: return "v\(below(1_000_000))"
        }
    }

    mutating func optionalString() -> String? { chance(50) ? string() : nil }

    mutating func int() -> Int {
        switch below(5) {
        case 0: return [0, 1, -1, Int.max, Int.min, Int(Int32.max), 86_400][below(7)]
        case 1: return Int(truncatingIfNeeded: next())
        default: return below(1_000)
        }
    }

    mutating func optionalInt() -> Int? { chance(50) ? int() : nil }

    mutating func date() -> Date {
        switch below(6) {
        case 0: return Date(timeIntervalSinceReferenceDate: [0, -0.0, 1, -1, 1e-7, .leastNonzeroMagnitude, 1e15, 1e16, -978_307_200, 1e300][below(10)])
        case 1: return Date(timeIntervalSince1970: Double(1_767_225_600_000 + below(1_000_000_000)) / 1000)
        case 2: return Date(timeIntervalSinceReferenceDate: Double(bitPattern: next() & 0x7FEF_FFFF_FFFF_FFFF) * (chance(50) ? 1 : -1))
        default: return Date(timeIntervalSinceReferenceDate: 786_000_000 + Double(next() % 1_000_000_000) / 1_000_003)
        }
    }

    mutating func optionalDate() -> Date? { chance(50) ? date() : nil }

    mutating func error() -> ErrorObject {
        ErrorObject(errorType: optionalString(), errorMessage: optionalString(), errorData: optionalString(),
                    stackTrace: chance(40) ? (0..<below(4)).map { _ in string() } : nil)
    }

    mutating func optionalError() -> ErrorObject? { chance(40) ? error() : nil }

    mutating func operation() -> DurableModel.Operation {
        let type = OperationType.allCases[below(OperationType.allCases.count)]
        var op = DurableModel.Operation(id: string(), parentId: optionalString(), name: optionalString(), type: type,
                           subType: optionalString(), startTimestamp: date(), endTimestamp: optionalDate(),
                           status: OperationStatus.allCases[below(OperationStatus.allCases.count)])
        // Mostly the details of the operation's own type, sometimes none or several, as decoding allows.
        let all = chance(10)
        if all || type == .execution, chance(90) { op.executionDetails = ExecutionDetails(inputPayload: optionalString()) }
        if all || type == .context, chance(90) {
            op.contextDetails = ContextDetails(replayChildren: chance(50) ? chance(50) : nil, result: optionalString(), error: optionalError())
        }
        if all || type == .step, chance(90) {
            op.stepDetails = StepDetails(attempt: optionalInt(), nextAttemptTimestamp: optionalDate(), result: optionalString(), error: optionalError())
        }
        if all || type == .wait, chance(90) { op.waitDetails = WaitDetails(scheduledEndTimestamp: optionalDate()) }
        if all || type == .callback, chance(90) {
            op.callbackDetails = CallbackDetails(callbackId: optionalString(), result: optionalString(), error: optionalError())
        }
        if all || type == .chainedInvoke, chance(90) {
            op.chainedInvokeDetails = ChainedInvokeDetails(result: optionalString(), error: optionalError())
        }
        return op
    }

    mutating func event() -> HistoryEvent {
        let type = EventType.allCases[below(EventType.allCases.count)]
        var details = EventDetails()
        if chance(60) {
            details = EventDetails(
                input: chance(40) ? EventPayload(payload: optionalString(), truncated: chance(20)) : nil,
                executionTimeout: optionalInt(),
                result: chance(40) ? EventPayload(payload: optionalString(), truncated: chance(20)) : nil,
                error: chance(40) ? EventError(payload: optionalError(), truncated: chance(20)) : nil,
                retryDetails: chance(40) ? RetryDetails(currentAttempt: optionalInt(), nextAttemptDelaySeconds: optionalInt()) : nil,
                duration: optionalInt(), scheduledEndTimestamp: optionalDate(), callbackId: optionalString(),
                heartbeatTimeout: optionalInt(), timeout: optionalInt(), functionName: optionalString(), tenantId: optionalString(),
                executedVersion: optionalString(), durableExecutionArn: optionalString(), startTimestamp: optionalDate(),
                endTimestamp: optionalDate(), requestId: optionalString())
        }
        return HistoryEvent(eventType: type, eventId: int(), eventTimestamp: date(), id: optionalString(), name: optionalString(),
                            parentId: optionalString(), subType: optionalString(), details: details)
    }
}
