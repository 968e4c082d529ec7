import Durable
import Logging

/// 10-5: two plugins (A then B) both receive the invocation hooks.
///
/// The plugin is installed by the catalog through `DurableRuntimeConfiguration.plugins`.
public struct Conformance_10_5: DurableFunction {
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
