/// Options of `DurableContext.map`.
public struct MapConfiguration<Item>: Sendable {
    /// Most items in flight at once (a suspended item keeps its slot); nil means all.
    public var maxConcurrency: Int?
    /// When the map is complete.
    public var completion: CompletionConfiguration
    /// Whether items get their own CONTEXT (default) or run flat under the Map context.
    public var nesting: BatchNesting
    /// Names the per-item child context; default `map-item-{index}`.
    public var itemNamer: (@Sendable (Item, Int) -> String)?

    /// Creates a configuration.
    public init(maxConcurrency: Int? = nil, completion: CompletionConfiguration = .init(), itemNamer: (@Sendable (Item, Int) -> String)? = nil, nesting: BatchNesting = .nested) {
        self.maxConcurrency = maxConcurrency
        self.completion = completion
        self.nesting = nesting
        self.itemNamer = itemNamer
    }
}
