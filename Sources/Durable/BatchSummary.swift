import DurableModel

/// The checkpointed form of a `BatchResult` (the parent CONTEXT's payload).
///
/// Results are stored as their serialized text so any serializer works; when the summary is too
/// large the parent uses `ReplayChildren` with `items` omitted and replay rebuilds from the children.
struct BatchSummary: Codable, Sendable {
    /// `MapResult` or `ParallelResult`.
    var type: String
    var totalCount: Int
    var completionReason: BatchCompletionReason
    var successCount: Int
    var failureCount: Int
    var startedCount: Int
    var status: String
    /// Per-item outcomes; nil in the ReplayChildren form.
    var items: [Item]?
    /// Items that finished (succeeded or failed), so a ReplayChildren replay re-runs only those.
    var completedIndexes: [Int]?
    /// Items still running when the batch completed.
    var startedIndexes: [Int]?

    /// One item in the summary.
    struct Item: Codable, Sendable {
        var index: Int
        var status: BatchItem<Int>.Status
        var result: String?
        var error: ErrorObject?
    }
}

extension BatchSummary {
    /// The summary as JSON, byte for byte what `JSONCoding.encoder` (sorted keys, unescaped slashes)
    /// writes, without `JSONEncoder`: a map's summary lists every item, and encoding a 500-item one
    /// through `JSONEncoder` took longer than checkpointing the map.
    func json() -> String {
        var writer = DirectJSONWriter()
        writer.beginObject()
        // Members in sorted order, as `.sortedKeys` writes them.
        if let completedIndexes { writer.key("completedIndexes"); Self.write(completedIndexes, to: &writer) }
        writer.key("completionReason")
        writer.string(completionReason.rawValue)
        writer.key("failureCount")
        writer.int(failureCount)
        if let items {
            writer.key("items")
            writer.beginArray()
            for item in items { item.write(to: &writer) }
            writer.endArray()
        }
        writer.key("startedCount")
        writer.int(startedCount)
        if let startedIndexes { writer.key("startedIndexes"); Self.write(startedIndexes, to: &writer) }
        writer.key("status")
        writer.string(status)
        writer.key("successCount")
        writer.int(successCount)
        writer.key("totalCount")
        writer.int(totalCount)
        writer.key("type")
        writer.string(type)
        writer.endObject()
        return writer.text
    }

    private static func write(_ values: [Int], to writer: inout DirectJSONWriter) {
        writer.beginArray()
        for value in values { writer.int(value) }
        writer.endArray()
    }
}

extension BatchSummary.Item {
    /// The item with sorted keys, as `BatchSummary.json()` needs it.
    func write(to writer: inout DirectJSONWriter) {
        writer.beginObject()
        if let error {
            writer.key("error")
            writer.beginObject()
            writer.member("ErrorData", error.errorData)
            writer.member("ErrorMessage", error.errorMessage)
            writer.member("ErrorType", error.errorType)
            writer.member("StackTrace", error.stackTrace)
            writer.endObject()
        }
        writer.key("index")
        writer.int(index)
        writer.member("result", result)
        writer.key("status")
        writer.string(status.rawValue)
        writer.endObject()
    }
}
