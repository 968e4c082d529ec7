import Durable

/// 5-9: an invoke then a 1-second wait; replay returns the cached invoke result.
public struct Conformance_5_9: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed value after the wait.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let result = try await context.invoke(function: InvokeTargets.echo, input: "cached", as: String.self)
        try await context.wait(for: .seconds(1))
        return result
    }
}
