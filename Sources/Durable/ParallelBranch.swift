/// One branch of `DurableContext.parallel`.
public struct ParallelBranch<T: Codable & Sendable>: Sendable {
    /// The branch context's name; default `parallel-branch-{index}`.
    public var name: String?
    /// The branch body, run in its own child context.
    public var body: @Sendable (DurableContext) async throws -> T

    /// Creates a branch.
    public init(_ name: String? = nil, _ body: @escaping @Sendable (DurableContext) async throws -> T) {
        self.name = name
        self.body = body
    }
}
