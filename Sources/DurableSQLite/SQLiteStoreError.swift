/// Why a SQLite store could not be opened or could not store a write.
public enum SQLiteStoreError: Error, Sendable, Hashable {
    /// The file was migrated by a newer build whose schema this build does not know; writing to it
    /// could break rows the newer build relies on.
    case schemaFromNewerBuild(path: String, unknownMigrations: [String])
    /// The execution's row has no `execution_key` (every row has one since migration `v6`), so its
    /// operation and event rows could not be filed; the write was rolled back.
    case missingExecutionKey(arn: String)
}
