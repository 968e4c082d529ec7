import Durable
import DurableModel

/// 10-7: the invocation-end hook reports FAILED when a no-retry step fails the execution.
///
/// The plugin is installed by the catalog through `DurableRuntimeConfiguration.plugins`.
public struct Conformance_10_7: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Fails with the step's error.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.step(configuration: StepConfiguration<String>(retryStrategy: .none)) { _ in
            throw ErrorObject(errorType: "Error", errorMessage: "Step failed permanently")
        }
    }
}
