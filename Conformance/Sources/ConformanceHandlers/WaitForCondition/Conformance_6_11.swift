import Durable

/// 6-11: a string state grows by one character per check until it is `xx`.
///
/// The requirement configures a custom serdes for the state; `waitForCondition` has no serializer
/// option, so the state round-trips through the default JSON serializer.
public struct Conformance_6_11: DurableFunction {
    /// Creates the handler.
    public init() {}

    /// Returns `xx`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> String {
        let strategy = WaitStrategy<String>.custom { state, _ in state.count < 2 ? .continuePolling(after: .seconds(1)) : .stop }
        return try await context.waitForCondition(initialState: "", strategy: strategy) { state, _ in state + "x" }
    }
}
