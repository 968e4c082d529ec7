import Durable

/// 4-13: a callback failure is caught, then a 2-second wait, then the error message is returned.
public struct Conformance_4_13: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the caught error's message.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let callback = try await context.createCallback(input, as: String.self)
        let message: String
        do {
            message = try await callback.result()
        } catch let error as DurableError {
            message = "Callback failed: \(error.message ?? "unknown error")"
        }
        try await context.wait(for: .seconds(2))
        return message
    }
}
