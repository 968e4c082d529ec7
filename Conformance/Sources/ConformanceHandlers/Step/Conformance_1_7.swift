import Durable
import Logging

/// 1-7: a step logs through its step-context logger.
public struct Conformance_1_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Greets the input, logging before and after.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.step { step in
            step.logger.info("Greeting step started for: \(input)")
            let greeting = "Hello, \(input)!"
            step.logger.info("Greeting step completed with: \(greeting)")
            return greeting
        }
    }
}
