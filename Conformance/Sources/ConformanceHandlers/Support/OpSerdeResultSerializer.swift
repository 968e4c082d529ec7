import Durable

/// A whole-result map serdes that stores the results as `OPSERDE:X,Y` (9-19, 9-20).
public struct OpSerdeResultSerializer: PayloadSerializer {
    /// The prefix written before the comma-joined results.
    static let prefix = "OPSERDE:"

    /// Creates the serializer.
    public init() {}

    /// `OPSERDE:` followed by the successful results joined with commas.
    public func serialize(_ value: BatchResult<String>, context: SerializationContext) throws -> String? {
        Self.prefix + value.successfulValues.joined(separator: ",")
    }

    /// A fully completed batch whose items are the comma-separated results after the prefix.
    public func deserialize(_ text: String?, context: SerializationContext) throws -> BatchResult<String> {
        guard let text, text.hasPrefix(Self.prefix) else {
            throw DurableError(code: .serialization, message: "Not an OPSERDE payload: \(text ?? "nil")")
        }
        let body = text.dropFirst(Self.prefix.count)
        let values = body.isEmpty ? [] : body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let items = values.enumerated().map { index, value in BatchItem(index: index, status: .succeeded, result: value) }
        return BatchResult(all: items, completionReason: .allCompleted, totalCount: items.count)
    }
}
