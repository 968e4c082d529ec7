import DurableSQLite

/// Words for the SQLite store's group-commit statistics.
enum CommitNote {
    /// "N commits in M transactions (K per transaction)".
    static func describe(_ statistics: SQLiteCommitStatistics) -> String {
        let perTransaction = statistics.transactions == 0 ? 0 : Double(statistics.commits) / Double(statistics.transactions)
        return "\(statistics.commits) store commits in \(statistics.transactions) SQLite transactions "
            + "(\(String(format: "%.1f", perTransaction)) per transaction, at most \(statistics.largestGroup))"
    }
}
