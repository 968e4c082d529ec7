import Durable

/// 10-6: the plugin sees `first` true on the first invocation and false on the replay after a wait.
///
/// The plugin is installed by the catalog through `DurableRuntimeConfiguration.plugins`.
public struct Conformance_10_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Waits 2 seconds and returns null.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.wait(for: .seconds(2))
        return .null
    }
}
