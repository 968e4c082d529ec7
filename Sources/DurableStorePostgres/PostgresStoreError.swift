/// Why a PostgreSQL store could not be opened.
public enum PostgresStoreError: Error, Sendable, Hashable {
    /// The connection URL is not `postgres://user[:password]@host[:port]/database`.
    case invalidURL(String)
    /// The database was migrated by a newer build whose schema this build does not know; writing to it
    /// could break rows the newer build relies on.
    case schemaFromNewerBuild(unknownMigrations: [String])
}
