import DurableStorePostgres
import PostgresNIO

/// A store whose pool runs in a task of its own, on a fresh database, until `stop()`.
final class RunningStore: Sendable {
    let store: PostgresExecutionStore
    let database: String
    private let task: Task<Void, any Error>

    /// Starts a store on `database` (a fresh one when nil) and migrates it.
    static func start(database: String? = nil) async throws -> RunningStore {
        var (name, configuration) = (database ?? "", try PostgresTestServer.configuration())
        if let database {
            configuration.database = database
        } else {
            (name, configuration) = try await PostgresTestServer.freshDatabase()
        }
        let running = RunningStore(store: PostgresExecutionStore(configuration: configuration, logger: PostgresTestServer.logger),
                                   database: name)
        do {
            try await running.store.migrate()
        } catch {
            await running.stop()
            throw error
        }
        return running
    }

    private init(store: PostgresExecutionStore, database: String) {
        self.store = store
        self.database = database
        task = Task { try await store.run() }
    }

    /// Shuts the pool down (cancelling `run()` closes its connections).
    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// Runs `body` with a store on a fresh database, then stops the store and drops the database.
    static func with<T>(_ body: (RunningStore) async throws -> T) async throws -> T {
        let running = try await start()
        do {
            let result = try await body(running)
            await running.tearDown()
            return result
        } catch {
            await running.tearDown()
            throw error
        }
    }

    /// Stops the store and drops its database.
    func tearDown() async {
        await stop()
        await PostgresTestServer.dropDatabase(database)
    }
}
