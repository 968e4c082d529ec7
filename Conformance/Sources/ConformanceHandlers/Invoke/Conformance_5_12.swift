import Durable

/// 5-12: an invoke, then a step that processes its result.
public struct Conformance_5_12: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the processed invoke result.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let invoked = try await context.invoke(function: InvokeTargets.echo, input: "invoke-result", as: String.self)
        return try await context.step { _ in "processed: \(invoked)" }
    }
}
