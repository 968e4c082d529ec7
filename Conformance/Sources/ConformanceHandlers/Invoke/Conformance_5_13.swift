import Durable

/// 5-13: an invoke inside a child context; the child returns the invoke result.
public struct Conformance_5_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed value through the child context.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.runInChildContext("invoke-child") { child in
            try await child.invoke(function: InvokeTargets.echo, input: "from-child", as: String.self)
        }
    }
}
