/// Options of `DurableContext.parallel`.
public struct ParallelConfiguration: Sendable {
    /// Most branches in flight at once (a suspended branch keeps its slot); nil means all.
    public var maxConcurrency: Int?
    /// When the parallel is complete.
    public var completion: CompletionConfiguration

    /// Creates a configuration.
    public init(maxConcurrency: Int? = nil, completion: CompletionConfiguration = .init()) {
        self.maxConcurrency = maxConcurrency
        self.completion = completion
    }
}
