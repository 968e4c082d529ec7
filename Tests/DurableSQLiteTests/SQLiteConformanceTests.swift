import DurableServer
import DurableSQLite
import Foundation
import Testing

/// The engine's shared store conformance checks, each on a fresh SQLite file and a fresh in-memory SQLite store.
@Suite("SQLiteExecutionStore conformance")
struct SQLiteConformanceTests {
    @Test(arguments: ExecutionStoreConformance.checks.map(\.name), [StoreKind.sqliteFile, .sqliteMemory])
    func conformance(check name: String, kind: StoreKind) async throws {
        let check = try #require(ExecutionStoreConformance.checks.first { $0.name == name })
        let fixture = try StoreFixture.make(kind)
        defer { fixture.tearDown() }
        try await check.run(fixture.store)
    }

    @Test func runAllReportsNoFailures() async throws {
        let (directory, _) = StoreFixture.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        // `run` wants a fresh, empty store per check: one new file each, all under one directory.
        let failures = await ExecutionStoreConformance.run {
            try SQLiteExecutionStore(path: directory.appendingPathComponent("\(UUID().uuidString).sqlite").path)
        }
        #expect(failures == [])
    }
}
