import Durable

/// 5-6: the invoked target fails; the handler catches the error and returns a fallback.
public struct Conformance_5_6: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `fallback`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        do {
            _ = try await context.invoke(function: InvokeTargets.failing, input: JSONValue.null, as: JSONValue.self)
            return "unexpected success"
        } catch is DurableError {
            return "fallback"
        }
    }
}
