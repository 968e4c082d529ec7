import DurableServer
import DurableStorePostgres
import Foundation
import Synchronization
import Testing

/// The engine's shared store conformance checks, each on a fresh PostgreSQL database.
@Suite("PostgresExecutionStore conformance", .enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipReason))
struct PostgresConformanceTests {
    @Test(arguments: ExecutionStoreConformance.checks.map(\.name))
    func conformance(check name: String) async throws {
        let check = try #require(ExecutionStoreConformance.checks.first { $0.name == name })
        try await RunningStore.with { try await check.run($0.store) }
    }

    @Test func runAllReportsNoFailures() async throws {
        _ = try PostgresTestServer.configuration()
        // `run` wants a fresh, empty store per check; they are torn down once it has finished.
        let started = StartedStores()
        let failures = await ExecutionStoreConformance.run {
            let running = try await RunningStore.start()
            started.stores.withLock { $0.append(running) }
            return running.store
        }
        for running in started.stores.withLock({ $0 }) { await running.tearDown() }
        #expect(failures == [])
    }
}

/// The stores one `ExecutionStoreConformance.run` started, to tear down once it returns.
final class StartedStores: Sendable {
    let stores = Mutex<[RunningStore]>([])
}
