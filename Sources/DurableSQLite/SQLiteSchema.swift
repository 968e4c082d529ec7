import GRDB

/// The store's versioned schema.
///
/// Each migration is applied once, in order, and recorded by GRDB; never edit a shipped migration,
/// add `v2`, `v3`… instead so existing database files upgrade in place.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // One row per execution. The columns are what queries filter and sort on; `record` holds
            // the whole ExecutionRecord as JSON and is the only thing read back, so the two never
            // disagree about anything but indexing. REAL `*_at` columns hold seconds since 2001-01-01Z
            // (see Date+SQLiteColumns); `start_ms` is the listing key shared with the list markers.
            try db.execute(sql: """
                CREATE TABLE executions (
                    arn TEXT NOT NULL PRIMARY KEY,
                    function_name TEXT NOT NULL,
                    qualifier TEXT NOT NULL,
                    execution_name TEXT NOT NULL,
                    status TEXT NOT NULL,
                    invocation_phase TEXT NOT NULL,
                    start_ms INTEGER NOT NULL,
                    started_at REAL NOT NULL,
                    ended_at REAL,
                    purge_after REAL,
                    version INTEGER NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE UNIQUE INDEX executions_by_name ON executions (function_name, execution_name);
                CREATE INDEX executions_by_function ON executions (function_name, start_ms, arn);
                CREATE INDEX executions_by_purge ON executions (purge_after) WHERE purge_after IS NOT NULL;
                CREATE INDEX executions_awaiting ON executions (started_at, arn) WHERE status = 'RUNNING' AND invocation_phase <> 'idle';

                CREATE TABLE operations (
                    execution_arn TEXT NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    operation TEXT NOT NULL,
                    meta TEXT NOT NULL,
                    PRIMARY KEY (execution_arn, id)
                ) WITHOUT ROWID;
                CREATE INDEX operations_by_position ON operations (execution_arn, position);
                CREATE INDEX operations_by_sequence ON operations (execution_arn, sequence);

                CREATE TABLE events (
                    execution_arn TEXT NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                    event_id INTEGER NOT NULL,
                    event TEXT NOT NULL,
                    PRIMARY KEY (execution_arn, event_id)
                ) WITHOUT ROWID;
                """)
            // Timers and callback ids carry no foreign key: like the in-memory store, a mutation may
            // arm a timer or index a callback for any ARN; purge deletes an execution's rows explicitly.
            try db.execute(sql: """
                CREATE TABLE timers (
                    execution_arn TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    operation_id TEXT NOT NULL,
                    due_at REAL NOT NULL,
                    PRIMARY KEY (execution_arn, kind, operation_id)
                ) WITHOUT ROWID;
                CREATE INDEX timers_by_due ON timers (due_at);

                CREATE TABLE callbacks (
                    callback_id TEXT NOT NULL PRIMARY KEY,
                    execution_arn TEXT NOT NULL,
                    operation_id TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX callbacks_by_execution ON callbacks (execution_arn);
                """)
        }
        migrator.registerMigration("v2") { db in
            // Each invocation's log records, numbered per execution in append order; they go with the
            // execution row (ON DELETE CASCADE) when retention ends.
            try db.execute(sql: """
                CREATE TABLE logs (
                    execution_arn TEXT NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                    sequence INTEGER NOT NULL,
                    timestamp REAL NOT NULL,
                    request_id TEXT NOT NULL,
                    level TEXT NOT NULL,
                    message TEXT NOT NULL,
                    operation_id TEXT,
                    attempt INTEGER,
                    PRIMARY KEY (execution_arn, sequence)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("functions-v1") { db in
            // Lambda functions, their published versions and aliases (the function management APIs).
            // `generation` and `revision_id` are what conditional writes compare; the documents are the
            // AWS FunctionConfiguration / AliasConfiguration JSON.
            try db.execute(sql: """
                CREATE TABLE functions (
                    name TEXT NOT NULL PRIMARY KEY,
                    generation INTEGER NOT NULL,
                    document TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE function_versions (
                    function_name TEXT NOT NULL REFERENCES functions (name) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    document TEXT NOT NULL,
                    PRIMARY KEY (function_name, version)
                ) WITHOUT ROWID;
                CREATE TABLE function_aliases (
                    function_name TEXT NOT NULL REFERENCES functions (name) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    revision_id TEXT NOT NULL,
                    document TEXT NOT NULL,
                    PRIMARY KEY (function_name, name)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v3-progress") { db in
            // The fields a checkpoint changes get columns, so a checkpoint no longer rewrites the
            // `record` document (see ExecutionRow). NULL in rows written before: `record` has them.
            // `stored_event_id` is the id of the last row in `events`, kept by the store itself.
            try db.execute(sql: """
                ALTER TABLE executions ADD COLUMN last_sequence INTEGER;
                ALTER TABLE executions ADD COLUMN last_position INTEGER;
                ALTER TABLE executions ADD COLUMN last_event_id INTEGER;
                ALTER TABLE executions ADD COLUMN observed_sequence INTEGER;
                ALTER TABLE executions ADD COLUMN checkpoint_token TEXT;
                ALTER TABLE executions ADD COLUMN receipt_client_token TEXT;
                ALTER TABLE executions ADD COLUMN receipt_inbound_token TEXT;
                ALTER TABLE executions ADD COLUMN receipt_response_token TEXT;
                ALTER TABLE executions ADD COLUMN receipt_observed_before INTEGER;
                ALTER TABLE executions ADD COLUMN stored_event_id INTEGER;
                """)
        }
        migrator.registerMigration("v4-lean-operation-indexes") { db in
            // Every checkpoint writes operation rows, and each index on them is one more page in every
            // commit's WAL frames. Reads list one execution's operations through the primary key
            // (execution_arn, id) and sort that execution's rows, so these two indexes cost a write
            // each and saved only that sort.
            try db.execute(sql: """
                DROP INDEX operations_by_position;
                DROP INDEX operations_by_sequence;
                """)
        }
        migrator.registerMigration("v5-event-batches") { db in
            // A commit's events go into one row, in order, one JSON document per line (JSON text never
            // holds a raw newline), instead of one row each: a checkpoint's events are always read and
            // written together, and a row per event cost a statement and a key per event on every
            // commit (hundreds for a big map). Stored events become batches of one.
            try db.execute(sql: """
                CREATE TABLE event_batches (
                    execution_arn TEXT NOT NULL REFERENCES executions (arn) ON DELETE CASCADE,
                    first_event_id INTEGER NOT NULL,
                    last_event_id INTEGER NOT NULL,
                    events TEXT NOT NULL,
                    PRIMARY KEY (execution_arn, first_event_id)
                ) WITHOUT ROWID;
                INSERT INTO event_batches (execution_arn, first_event_id, last_event_id, events)
                    SELECT execution_arn, event_id, event_id, event FROM events;
                DROP TABLE events;
                """)
        }
        migrator.registerMigration("v6-rows-in-write-order") { db in
            // Operations and event batches were clustered by execution (keyed by its ARN), so a group
            // commit of checkpoints from many executions dirtied a leaf page per execution in each table,
            // and every dirty page is a WAL frame written and synced. They become rowid tables, whose
            // new rows land together at the end of the table, reached through a unique index on a small
            // integer `execution_key` (dense entries, so the index pages of many running executions are
            // few). No foreign keys: purge deletes an execution's rows itself, as it does its timers.
            try db.execute(sql: """
                ALTER TABLE executions ADD COLUMN execution_key INTEGER;
                UPDATE executions SET execution_key = rowid;
                CREATE UNIQUE INDEX executions_by_key ON executions (execution_key);

                ALTER TABLE operations RENAME TO operations_by_arn;
                CREATE TABLE operations (
                    execution_key INTEGER NOT NULL,
                    id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    operation TEXT NOT NULL,
                    meta TEXT NOT NULL
                );
                INSERT INTO operations (execution_key, id, position, sequence, operation, meta)
                    SELECT e.execution_key, o.id, o.position, o.sequence, o.operation, o.meta
                    FROM operations_by_arn o JOIN executions e ON e.arn = o.execution_arn;
                DROP TABLE operations_by_arn;
                CREATE UNIQUE INDEX operations_by_execution ON operations (execution_key, id);

                ALTER TABLE event_batches RENAME TO event_batches_by_arn;
                CREATE TABLE event_batches (
                    execution_key INTEGER NOT NULL,
                    first_event_id INTEGER NOT NULL,
                    last_event_id INTEGER NOT NULL,
                    events TEXT NOT NULL
                );
                INSERT INTO event_batches (execution_key, first_event_id, last_event_id, events)
                    SELECT e.execution_key, b.first_event_id, b.last_event_id, b.events
                    FROM event_batches_by_arn b JOIN executions e ON e.arn = b.execution_arn
                    ORDER BY b.execution_arn, b.first_event_id;
                DROP TABLE event_batches_by_arn;
                CREATE UNIQUE INDEX event_batches_by_execution ON event_batches (execution_key, first_event_id);
                """)
        }
        return migrator
    }
}
