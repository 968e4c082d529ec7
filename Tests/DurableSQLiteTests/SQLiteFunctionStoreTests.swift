import DurableServer
import DurableSQLite
import Testing

/// The shared function-store checks, each on a fresh SQLite file and a fresh in-memory SQLite store.
@Suite("SQLiteExecutionStore function tables")
struct SQLiteFunctionStoreTests {
    @Test(arguments: FunctionStoreConformance.checks.map(\.name), [StoreKind.sqliteFile, .sqliteMemory])
    func conformance(check name: String, kind: StoreKind) async throws {
        let check = try #require(FunctionStoreConformance.checks.first { $0.name == name })
        let fixture = try StoreFixture.make(kind)
        defer { fixture.tearDown() }
        try await check.run(try #require(fixture.store as? SQLiteExecutionStore))
    }
}
