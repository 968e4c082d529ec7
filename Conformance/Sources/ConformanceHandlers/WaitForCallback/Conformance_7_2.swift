import Durable

/// 7-2: a wait-for-callback with the static name `approval`.
public struct Conformance_7_2: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the callback payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        try await context.waitForCallback("approval", as: String.self) { callbackId, step in
            step.logger.info("Submitting approval request \(callbackId)")
        }
    }
}
