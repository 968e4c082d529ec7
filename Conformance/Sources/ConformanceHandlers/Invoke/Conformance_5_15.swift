import Durable

/// 5-15: an invoke whose outgoing payload a custom serdes upper-cases.
///
/// `DurableContext.invoke` has no payload-serializer option (SDK gap), so the payload goes out
/// through the default JSON serializer unchanged.
public struct Conformance_5_15: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the target's echo of the payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> JSONValue {
        try await context.invoke(function: InvokeTargets.echo, input: input, as: JSONValue.self)
    }
}
