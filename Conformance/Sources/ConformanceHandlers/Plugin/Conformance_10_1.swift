import Durable
import Logging

/// 10-1: invocation start and end hooks around a single-step greeting.
///
/// The plugin is installed by the catalog through `DurableRuntimeConfiguration.plugins`.
public struct Conformance_10_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `Hello, <input>!` from one step.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.step { step in
            step.logger.info("Greeting step running for: \(input)")
            return "Hello, \(input)!"
        }
    }
}
