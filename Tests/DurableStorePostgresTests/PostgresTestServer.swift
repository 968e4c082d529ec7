import DurableStorePostgres
import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

/// The PostgreSQL server the tests use: `DURABLE_POSTGRES_URL`, started by `scripts/postgres`.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["DURABLE_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { ["true", "1"].contains($0.lowercased()) } ?? false
    /// Runs the suites when a server is configured, and in CI, where a missing server must fail rather than skip.
    static let enabled = url != nil || isCI
    static let skipReason: Comment = "DURABLE_POSTGRES_URL is not set; start a server with scripts/postgres"
    // Errors only: every test starts pools and migrates fresh databases, and PostgresNIO's notes about
    // that (a lease racing the just-started `run()`, closed connections at teardown) would bury the results.
    static let logger: Logger = {
        var logger = Logger(label: "DurableStorePostgresTests")
        logger.logLevel = .error
        return logger
    }()

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "DURABLE_POSTGRES_URL is not set, and CI=true turns the skip into a failure: run `export "
                + "DURABLE_POSTGRES_URL=$(scripts/postgres)` before `swift test` (scripts/test does)"
        }
    }

    /// The server's configuration, pointing at its own database.
    static func configuration() throws -> PostgresClient.Configuration {
        guard let url else { throw Missing() }
        return try PostgresExecutionStore.configuration(url: url)
    }

    /// Creates an empty database and answers the pool configuration that uses it.
    static func freshDatabase() async throws -> (name: String, configuration: PostgresClient.Configuration) {
        var configuration = try configuration()
        let name = "durable_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        // The name is ours (hex digits), so building the statement from it is safe; DDL takes no binds.
        try await admin(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
        configuration.database = name
        return (name, configuration)
    }

    /// Drops a database made by `freshDatabase`, ending any connection still on it.
    static func dropDatabase(_ name: String) async {
        try? await admin(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"))
    }

    /// Ends every server connection to `database` but ours: what a server restart or failover does to a pool.
    static func terminateConnections(to database: String) async throws {
        try await admin("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = \(database) AND pid <> pg_backend_pid()
            """)
    }

    /// Runs one statement on a short-lived connection to the server's own database.
    static func admin(_ query: PostgresQuery) async throws {
        let client = try configuration()
        let configuration = PostgresConnection.Configuration(
            host: client.host ?? "127.0.0.1", port: client.port ?? 5432, username: client.username,
            password: client.password, database: client.database, tls: .disable
        )
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            try await connection.query(query, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
