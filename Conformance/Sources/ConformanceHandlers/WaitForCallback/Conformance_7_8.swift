import Durable

/// 7-8: a wait-for-callback inside a child context named `wrapper`.
public struct Conformance_7_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the callback payload through the child context.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.runInChildContext("wrapper") { child in
            try await child.waitForCallback(input, as: String.self) { _, _ in }
        }
    }
}
