import Durable

/// 7-11: the callback payload is deserialized as a JSON object and its `status` returned.
public struct Conformance_7_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the payload's `status` field (`approved`).
    public func run(_ input: String, context: DurableContext) async throws -> String {
        let payload = try await context.waitForCallback(input, as: JSONValue.self) { _, _ in }
        return payload["status"]?.text ?? ""
    }
}
