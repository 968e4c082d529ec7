import DurableModel
import DurableServer
import DurableSQLite
import Foundation
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

    @Test func functionsVersionsAndAliasesSurviveReopeningTheFile() async throws {
        let (directory, path) = StoreFixture.temporaryPath()
        defer { try? FileManager.default.removeItem(at: directory) }
        let latest = LambdaFunctionConfiguration(
            functionName: "fn", functionArn: "arn:aws:lambda:us-east-1:123456789012:function:fn", role: "arn:aws:iam::123456789012:role/r",
            lastModified: "2026-01-01T00:00:00.000+0000", codeSha256: "c2hh", revisionId: "r0",
            durableConfig: DurableConfig(executionTimeout: 60, retentionPeriodInDays: 3))
        var version = latest
        version.version = "1"
        version.functionArn += ":1"
        let alias = AliasConfiguration(aliasArn: "arn:aws:lambda:us-east-1:123456789012:function:fn:live", name: "live",
                                       functionVersion: "1", revisionId: "a0")
        do {
            let store = try SQLiteExecutionStore(path: path)
            defer { try? store.close() }
            #expect(try await store.putFunction(StoredFunction(latest: latest), expectedGeneration: nil))
            #expect(try await store.publishVersion(version, function: StoredFunction(latest: latest, lastPublishedVersion: 1, generation: 2),
                                                   expectedGeneration: 1))
            #expect(try await store.putAlias(alias, functionName: "fn", expectedRevision: nil))
        }
        let reopened = try SQLiteExecutionStore(path: path)
        defer { try? reopened.close() }
        #expect(try await reopened.function(named: "fn") == StoredFunction(latest: latest, lastPublishedVersion: 1, generation: 2))
        #expect(try await reopened.version(functionName: "fn", number: 1) == version)
        #expect(try await reopened.alias(functionName: "fn", name: "live") == alias)
    }
}
