import DurableServer
import DurableStorePostgres
import Testing

/// The shared function-store checks, each on a fresh PostgreSQL database.
@Suite("PostgresExecutionStore function tables", .enabled(if: PostgresTestServer.enabled, PostgresTestServer.skipReason))
struct PostgresFunctionStoreTests {
    @Test(arguments: FunctionStoreConformance.checks.map(\.name))
    func conformance(check name: String) async throws {
        let check = try #require(FunctionStoreConformance.checks.first { $0.name == name })
        try await RunningStore.with { try await check.run($0.store) }
    }
}
