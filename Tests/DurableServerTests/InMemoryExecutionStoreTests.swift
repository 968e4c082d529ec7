import DurableServer
import Testing

@Suite("InMemoryExecutionStore conformance")
struct InMemoryExecutionStoreTests {
    @Test(arguments: ExecutionStoreConformance.checks.map(\.name))
    func conformance(check name: String) async throws {
        let check = try #require(ExecutionStoreConformance.checks.first { $0.name == name })
        try await check.run(InMemoryExecutionStore())
    }

    @Test func runAllReportsNoFailures() async {
        let failures = await ExecutionStoreConformance.run { InMemoryExecutionStore() }
        #expect(failures == [])
    }
}
