import DurableServer
import DurableSQLite
import DurableStorePostgres
import Logging

/// The execution store a service opens from its `--db` value: a SQLite file, or PostgreSQL for a
/// `postgres://` or `postgresql://` URL. `durable serve` and `durable-bench serve` open theirs here,
/// so the benchmark's service runs on exactly the store the product does.
public struct ServiceDatabase: Sendable {
    /// The store the engine runs on.
    public let store: any ExecutionStore
    /// The same store when it is PostgreSQL (a node on it shares the work), nil on SQLite.
    public let postgres: PostgresExecutionStore?
    /// What logs may name: the SQLite path, or only "PostgreSQL", since a URL may carry a password.
    public let description: String

    /// Whether `database` is a PostgreSQL URL rather than a SQLite path.
    public static func isPostgresURL(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// Opens `database`; a PostgreSQL pool holds at most `poolSize` connections.
    public init(_ database: String, poolSize: Int = 20, logger: Logger) throws {
        if Self.isPostgresURL(database) {
            var configuration = try PostgresExecutionStore.configuration(url: database)
            configuration.options.maximumConnections = poolSize
            let postgres = PostgresExecutionStore(configuration: configuration, logger: logger)
            self.postgres = postgres
            store = postgres
            description = "PostgreSQL"
        } else {
            postgres = nil
            store = try SQLiteExecutionStore(path: database)
            description = database
        }
    }

    /// Runs `body` with the PostgreSQL pool running and the schema migrated (on SQLite, just `body`).
    ///
    /// The pool must already run when recovery first reads the store and must outlive the engine's
    /// services, so it runs beside `body` rather than as one of the application's services, and is
    /// cancelled only once `body` has returned.
    public func run<Result>(_ body: () async throws -> Result) async throws -> Result {
        guard let postgres else { return try await body() }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await postgres.run() }
            defer { group.cancelAll() }
            try await postgres.migrate()
            return try await body()
        }
    }
}
