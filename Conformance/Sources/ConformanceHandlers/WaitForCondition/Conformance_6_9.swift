import Durable

/// 6-9: the state is a `{status, attempts}` object, DONE once attempts reaches 2.
public struct Conformance_6_9: DurableFunction {
    /// The polled state.
    public struct Status: Codable, Sendable {
        /// `PENDING` or `DONE`.
        public var status: String
        /// Checks run so far.
        public var attempts: Int
    }

    /// Creates the handler.
    public init() {}

    /// Returns `{status: DONE, attempts: 2}`.
    public func run(_ input: JSONValue, context: DurableContext) async throws -> Status {
        let strategy = WaitStrategy<Status>.custom { state, _ in state.status == "PENDING" ? .continuePolling(after: .seconds(1)) : .stop }
        return try await context.waitForCondition(initialState: Status(status: "PENDING", attempts: 0), strategy: strategy) { state, _ in
            let attempts = state.attempts + 1
            return Status(status: attempts >= 2 ? "DONE" : "PENDING", attempts: attempts)
        }
    }
}
