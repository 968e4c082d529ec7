/// Options of `DurableContext.parallel`.
public struct ParallelConfiguration: Sendable {
    /// Most branches in flight at once (a suspended branch keeps its slot); nil means all.
    public var maxConcurrency: Int?
    /// When the parallel is complete.
    public var completion: CompletionConfiguration
    /// Whether branches get their own CONTEXT (default) or run flat under the Parallel context.
    public var nesting: BatchNesting

    /// Creates a configuration.
    public init(maxConcurrency: Int? = nil, completion: CompletionConfiguration = .init(), nesting: BatchNesting = .nested) {
        self.maxConcurrency = maxConcurrency
        self.completion = completion
        self.nesting = nesting
    }
}
