import DurableServer
import Testing

@Suite("InMemoryExecutionStore function tables")
struct InMemoryFunctionStoreTests {
    @Test(arguments: FunctionStoreConformance.checks.map(\.name))
    func conformance(check name: String) async throws {
        let check = try #require(FunctionStoreConformance.checks.first { $0.name == name })
        try await check.run(InMemoryExecutionStore())
    }
}
