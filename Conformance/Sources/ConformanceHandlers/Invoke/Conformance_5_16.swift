import Durable

/// 5-16: an invoke whose result a custom serdes upper-cases (expected result `"HELLO"` with quotes).
///
/// `DurableContext.invoke` has no result-serializer option (SDK gap), so the result is decoded by
/// the default JSON serializer and this requirement's expected result is not produced.
public struct Conformance_5_16: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed input.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.invoke(function: InvokeTargets.echo, input: input, as: String.self)
    }
}
