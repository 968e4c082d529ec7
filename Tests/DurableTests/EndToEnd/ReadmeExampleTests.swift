import Durable
import DurableTesting
import Testing

/// The README's quick start, compiled and run so the README cannot drift from the API.
struct Greeter: DurableFunction {
    func run(_ name: String, context: DurableContext) async throws -> String {
        // Runs once; on replay its recorded result is returned instead.
        let greeting = try await context.step("greet") { _ in "Hello, \(name)!" }
        // A durable timer: the function suspends and is re-invoked a day later.
        try await context.wait("cool-off", for: .days(1))
        // Wait up to a week for an outside system to complete a callback.
        let approval = try await context.waitForCallback("approval", as: String.self,
                                                         configuration: .init(timeout: .days(7))) { callbackId, _ in
            print("approve with callback id \(callbackId)")
        }
        return "\(greeting) (\(approval))"
    }
}

@Suite("README")
struct ReadmeExampleTests {
    @Test("The quick start runs as the README says")
    func quickStart() async throws {
        let output = try await DurableTestRunner.withRunner { runner in
            let execution = try await runner.start(Greeter(), input: "Ada")
            let id = try await execution.waitForCallback(named: "approval")
            try await execution.succeedCallback(id, result: "approved")
            return try await execution.result()
        }
        #expect(output == "Hello, Ada! (approved)")
    }
}
