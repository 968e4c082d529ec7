import Durable

/// 5-10: a failed invoke is caught, then a 1-second wait; replay re-throws the cached error.
public struct Conformance_5_10: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the caught error's message.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        var message = "no error"
        do {
            _ = try await context.invoke(function: InvokeTargets.failing, input: JSONValue.null, as: JSONValue.self)
        } catch let error as DurableError {
            message = error.message ?? "invoke failed"
        }
        try await context.wait(for: .seconds(1))
        return message
    }
}
