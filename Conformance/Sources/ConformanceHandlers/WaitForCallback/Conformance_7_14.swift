import Durable

/// 7-14: a wait-for-callback times out after 3 seconds; the handler catches it.
public struct Conformance_7_14: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `timed-out-handled`.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        do {
            return try await context.waitForCallback(input, as: String.self, configuration: WaitForCallbackConfiguration(timeout: .seconds(3))) { _, _ in }
        } catch is DurableError {
            return "timed-out-handled"
        }
    }
}
