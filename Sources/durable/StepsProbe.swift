import Durable

/// The benchmark workload W2's function: `steps` trivial steps in a row.
struct StepsProbe: DurableFunction {
    static var name: String { "probe-steps" }

    /// How many steps to run.
    struct Input: Codable, Sendable {
        var steps: Int
    }

    func run(_ input: Input, context: DurableContext) async throws -> Int {
        var total = 0
        for index in 0..<max(0, input.steps) {
            total += try await context.step("step-\(index)") { index }
        }
        return total
    }
}
