import Durable

/// 5-8: invoke the echo target for the tenant `input.tenantId` with `input.payload`.
public struct Conformance_5_8: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns the echoed payload.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let payload = input["payload"]?.text ?? ""
        return try await context.invoke(function: InvokeTargets.echo, input: payload, as: String.self, tenantId: input["tenantId"]?.stringValue)
    }
}
