import Durable

/// 7-1: a wait-for-callback named by the input; the external system completes it with a payload.
public struct Conformance_7_1: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the callback payload.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.waitForCallback(input, as: String.self) { callbackId, step in
            step.logger.info("Submitting callback \(callbackId)")
        }
    }
}
