/// How the SQLite store's group commit folded writes into transactions since the counters were last taken.
public struct SQLiteCommitStatistics: Sendable, Hashable {
    /// Writes (commits, creations, log appends, purges) answered.
    public var commits: Int = 0
    /// SQLite transactions (each one fsync of the WAL) that carried them.
    public var transactions: Int = 0
    /// The most writes one transaction carried.
    public var largestGroup: Int = 0

    /// Empty counters.
    public init() {}
}
