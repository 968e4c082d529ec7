import Logging
import PostgresNIO

/// The store's versioned schema, applied by `migrate(on:)` and recorded in `durable_schema_migrations`.
///
/// Never edit a shipped migration; add `v2`, `v3`… so existing databases upgrade in place. Each
/// migration is a list of single statements because the extended query protocol runs one at a time.
enum PostgresSchema {
    /// Any fixed key works; it only has to differ from advisory locks other software takes on the database.
    static let migrationLockKey: Int64 = 0x4475_7261_626C_6531  // "Durable1"

    /// The migrations in order: the SQLite store's tables, with DOUBLE PRECISION seconds and JSON documents.
    static let migrations: [(id: String, statements: [String])] = [
        ("v1", [
            // Key columns use the "C" collation: ARNs and ids then sort bytewise, like the other stores'
            // Swift string order, whatever the server's default locale.
            // One row per execution. The columns are what queries filter and sort on; `record` holds the
            // whole ExecutionRecord as JSON and is the only thing read back. `json`, not `jsonb`: it keeps
            // the text as written, so doubles round-trip exactly.
            """
            CREATE TABLE executions (
                arn TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                function_name TEXT NOT NULL,
                qualifier TEXT NOT NULL,
                execution_name TEXT NOT NULL,
                status TEXT NOT NULL,
                invocation_phase TEXT NOT NULL,
                start_ms BIGINT NOT NULL,
                started_at DOUBLE PRECISION NOT NULL,
                ended_at DOUBLE PRECISION,
                purge_after DOUBLE PRECISION,
                version BIGINT NOT NULL,
                record JSON NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX executions_by_name ON executions (function_name, execution_name)",
            "CREATE INDEX executions_by_function ON executions (function_name, start_ms, arn)",
            "CREATE INDEX executions_by_purge ON executions (purge_after) WHERE purge_after IS NOT NULL",
            """
            CREATE INDEX executions_awaiting ON executions (started_at, arn)
            WHERE status = 'RUNNING' AND invocation_phase <> 'idle'
            """,
            """
            CREATE TABLE operations (
                execution_arn TEXT COLLATE "C" NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                id TEXT COLLATE "C" NOT NULL,
                position BIGINT NOT NULL,
                sequence BIGINT NOT NULL,
                operation JSON NOT NULL,
                meta JSON NOT NULL,
                PRIMARY KEY (execution_arn, id)
            )
            """,
            "CREATE INDEX operations_by_position ON operations (execution_arn, position)",
            "CREATE INDEX operations_by_sequence ON operations (execution_arn, sequence)",
            """
            CREATE TABLE events (
                execution_arn TEXT COLLATE "C" NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                event_id BIGINT NOT NULL,
                event JSON NOT NULL,
                PRIMARY KEY (execution_arn, event_id)
            )
            """,
            // Timers and callback ids carry no foreign key, as in the other stores: a mutation may arm a
            // timer or index a callback for any ARN; purge deletes an execution's rows explicitly.
            """
            CREATE TABLE timers (
                execution_arn TEXT COLLATE "C" NOT NULL,
                kind TEXT COLLATE "C" NOT NULL,
                operation_id TEXT COLLATE "C" NOT NULL,
                due_at DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (execution_arn, kind, operation_id)
            )
            """,
            "CREATE INDEX timers_by_due ON timers (due_at)",
            """
            CREATE TABLE callbacks (
                callback_id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                execution_arn TEXT COLLATE "C" NOT NULL,
                operation_id TEXT COLLATE "C" NOT NULL
            )
            """,
            "CREATE INDEX callbacks_by_execution ON callbacks (execution_arn)",
            // Each invocation's log records, numbered per execution in append order.
            """
            CREATE TABLE logs (
                execution_arn TEXT COLLATE "C" NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                sequence BIGINT NOT NULL,
                timestamp DOUBLE PRECISION NOT NULL,
                request_id TEXT NOT NULL,
                level TEXT NOT NULL,
                message TEXT NOT NULL,
                operation_id TEXT,
                attempt BIGINT,
                PRIMARY KEY (execution_arn, sequence)
            )
            """,
        ]),
        ("functions-v1", [
            // Lambda functions, their published versions and aliases (the function management APIs).
            // `generation` and `revision_id` are what conditional writes compare; the documents are the
            // AWS FunctionConfiguration / AliasConfiguration JSON.
            """
            CREATE TABLE functions (
                name TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                generation BIGINT NOT NULL,
                document JSON NOT NULL
            )
            """,
            """
            CREATE TABLE function_versions (
                function_name TEXT COLLATE "C" NOT NULL REFERENCES functions (name) ON DELETE CASCADE,
                version BIGINT NOT NULL,
                document JSON NOT NULL,
                PRIMARY KEY (function_name, version)
            )
            """,
            """
            CREATE TABLE function_aliases (
                function_name TEXT COLLATE "C" NOT NULL REFERENCES functions (name) ON DELETE CASCADE,
                name TEXT COLLATE "C" NOT NULL,
                revision_id TEXT NOT NULL,
                document JSON NOT NULL,
                PRIMARY KEY (function_name, name)
            )
            """,
        ]),
        // Several nodes on one database: leases on executions (who runs the invocation) and on due
        // timers (who fires them). Times are seconds on the database's clock, so node clocks may differ.
        ("v2", [
            "ALTER TABLE executions ADD COLUMN lease_owner TEXT, ADD COLUMN lease_expires_at DOUBLE PRECISION",
            "ALTER TABLE timers ADD COLUMN lease_owner TEXT, ADD COLUMN lease_expires_at DOUBLE PRECISION",
        ]),
        // The id of the last row in `events`, kept by the store, so a commit checks that its events
        // continue the history without a MAX over them. NULL in rows written before: the MAX applies.
        ("v3-stored-event-id", [
            "ALTER TABLE executions ADD COLUMN stored_event_id BIGINT",
        ]),
        // Each index on operations is one more write per operation row in every commit; reads list one
        // execution's operations through the primary key and sort them (see the SQLite store's v4).
        ("v4-lean-operation-indexes", [
            "DROP INDEX IF EXISTS operations_by_position",
            "DROP INDEX IF EXISTS operations_by_sequence",
        ]),
    ]

    /// Applies the migrations this database lacks, in one transaction under an advisory lock.
    ///
    /// The transaction-scoped lock makes nodes that start together migrate one after another: the
    /// second finds the first's rows in `durable_schema_migrations` and applies nothing. Without it,
    /// two concurrent `CREATE TABLE IF NOT EXISTS` can still collide on the catalog's unique indexes.
    static func migrate(on client: PostgresClient, logger: Logger) async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS durable_schema_migrations (
                        id TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """, logger: logger)
                var applied: Set<String> = []
                for try await id in try await connection.query("SELECT id FROM durable_schema_migrations", logger: logger)
                    .decode(String.self) {
                    applied.insert(id)
                }
                let unknown = applied.subtracting(migrations.map(\.id)).sorted()
                guard unknown.isEmpty else { throw PostgresStoreError.schemaFromNewerBuild(unknownMigrations: unknown) }
                for migration in migrations where !applied.contains(migration.id) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO durable_schema_migrations (id) VALUES (\(migration.id))",
                                               logger: logger)
                    logger.info("applied PostgreSQL schema migration", metadata: ["migration": "\(migration.id)"])
                }
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }
}
