/// How map items and parallel branches are recorded.
public enum BatchNesting: Sendable, Hashable {
    /// Each item runs in its own child CONTEXT (`MapIteration` / `ParallelBranch`); the default.
    case nested
    /// Items run in virtual contexts: no per-item CONTEXT is checkpointed and the items' operations
    /// hang directly under the Map/Parallel context (fewer operations, no per-item result record).
    case flat
}
