/// Custom serializers for `map` and `parallel`.
public struct BatchSerializers<T: Codable & Sendable>: Sendable {
    /// Serializes each item's result (the per-item CONTEXT payload and the summary entries); JSON when nil.
    public var item: (any PayloadSerializer<T>)?
    /// Serializes the whole batch result as the Map/Parallel CONTEXT payload, replacing the SDK's
    /// summary; replays rebuild the result with it. Nil uses the SDK summary.
    public var result: (any PayloadSerializer<BatchResult<T>>)?

    /// Creates serializers; nil members use the defaults.
    public init(item: (any PayloadSerializer<T>)? = nil, result: (any PayloadSerializer<BatchResult<T>>)? = nil) {
        self.item = item
        self.result = result
    }
}
