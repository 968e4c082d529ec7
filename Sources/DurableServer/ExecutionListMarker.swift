import Foundation

/// The position of an execution in a listing (start time, then ARN), encoded as an opaque marker.
public struct ExecutionListMarker: Comparable, Sendable {
    /// The execution's start, in epoch milliseconds.
    public var startMillis: Int64
    /// The execution's ARN (breaks ties between equal starts).
    public var arn: String

    /// Creates a position from its parts.
    public init(startMillis: Int64, arn: String) {
        self.startMillis = startMillis
        self.arn = arn
    }

    /// The position of `record`.
    public init(record: ExecutionRecord) {
        startMillis = Int64((record.startTimestamp.timeIntervalSince1970 * 1000).rounded())
        arn = record.arn
    }

    /// Decodes a marker; nil when it is not one this service handed out.
    public init?(marker: String) {
        guard let data = Data(base64Encoded: marker), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let millis = Int64(parts[0]) else { return nil }
        startMillis = millis
        arn = String(parts[1])
    }

    /// The opaque marker text.
    public var marker: String { Data("\(startMillis)|\(arn)".utf8).base64EncodedString() }

    /// Listing order: start time, then ARN.
    public static func < (lhs: ExecutionListMarker, rhs: ExecutionListMarker) -> Bool {
        (lhs.startMillis, lhs.arn) < (rhs.startMillis, rhs.arn)
    }
}
