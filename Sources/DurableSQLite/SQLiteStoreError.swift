/// Why a SQLite store could not be opened.
public enum SQLiteStoreError: Error, Sendable, Hashable {
    /// The file was migrated by a newer build whose schema this build does not know; writing to it
    /// could break rows the newer build relies on.
    case schemaFromNewerBuild(path: String, unknownMigrations: [String])
}
