/// Why a store refused a write.
public enum ExecutionStoreError: Error, Sendable, Hashable {
    /// The execution row changed since it was read.
    case versionConflict(arn: String, expected: Int, actual: Int)
    /// The execution does not exist.
    case executionNotFound(arn: String)
    /// Appended events do not continue the execution's event ids.
    case eventIdGap(arn: String, expected: Int, got: Int)
}
