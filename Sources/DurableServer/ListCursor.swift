import Foundation

/// The position of an execution in a listing (start time, then ARN), encoded as an opaque marker.
struct ListCursor: Comparable, Sendable {
    var startMillis: Int64
    var arn: String

    init(record: ExecutionRecord) {
        startMillis = Int64((record.startTimestamp.timeIntervalSince1970 * 1000).rounded())
        arn = record.arn
    }

    init?(marker: String) {
        guard let data = Data(base64Encoded: marker), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let millis = Int64(parts[0]) else { return nil }
        startMillis = millis
        arn = String(parts[1])
    }

    var marker: String { Data("\(startMillis)|\(arn)".utf8).base64EncodedString() }

    static func < (lhs: ListCursor, rhs: ListCursor) -> Bool {
        (lhs.startMillis, lhs.arn) < (rhs.startMillis, rhs.arn)
    }
}
