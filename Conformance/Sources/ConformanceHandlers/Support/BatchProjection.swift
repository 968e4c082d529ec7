import Durable

/// The projections of a `BatchResult` the parallel and map requirements return.
enum BatchProjection {
    /// `{completionReason, status, successCount, failureCount, totalCount, ...}` limited to `keys`.
    ///
    /// `totalCount` counts the started items (as the JS and Python SDKs' batch results do), so
    /// items never started after an early completion are not included.
    static func project<T>(_ result: BatchResult<T>, _ keys: [String]) -> JSONValue {
        var all: [String: JSONValue] = [
            "completionReason": .string(result.completionReason.rawValue),
            "status": .string(result.status.rawValue),
            "successCount": .number(Double(result.successCount)),
            "failureCount": .number(Double(result.failureCount)),
            "startedCount": .number(Double(result.startedCount)),
            "totalCount": .number(Double(result.all.count)),
            "hasFailure": .bool(result.hasFailure),
            "errorCount": .number(Double(result.errors.count)),
        ]
        all = all.filter { keys.contains($0.key) }
        return .object(all)
    }
}
