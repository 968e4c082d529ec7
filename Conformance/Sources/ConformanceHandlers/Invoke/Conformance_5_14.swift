import Durable

/// 5-14: two sequential invokes, each suspending and resuming.
public struct Conformance_5_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns both results.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> [String] {
        let first = try await context.invoke(function: InvokeTargets.echo, input: "first", as: String.self)
        let second = try await context.invoke(function: InvokeTargets.echo, input: "second", as: String.self)
        return [first, second]
    }
}
