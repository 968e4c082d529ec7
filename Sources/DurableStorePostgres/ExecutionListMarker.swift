import Foundation

/// A listing position (start millisecond, then ARN) encoded as an opaque marker.
///
/// Same ordering and encoding as the in-memory and SQLite stores, so every store pages identically.
struct ExecutionListMarker: Sendable, Hashable {
    var startMillis: Int64
    var arn: String

    init(startMillis: Int64, arn: String) {
        self.startMillis = startMillis
        self.arn = arn
    }

    init?(marker: String) {
        guard let data = Data(base64Encoded: marker), let text = String(data: data, encoding: .utf8) else { return nil }
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let millis = Int64(parts[0]) else { return nil }
        startMillis = millis
        arn = String(parts[1])
    }

    var marker: String { Data("\(startMillis)|\(arn)".utf8).base64EncodedString() }
}
