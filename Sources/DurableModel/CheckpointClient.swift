/// The only way the SDK talks to the service: checkpoints and state pages.
///
/// The service implements it in-process; workers implement it over HTTP; the test kit uses the
/// in-process one on an in-memory store. A thrown error is treated per the protocol: an
/// `InvalidParameterValueException` other than "Invalid checkpoint token" fails the execution,
/// anything else ends the invocation so the service retries it.
public protocol CheckpointClient: Sendable {
    /// Applies `updates` with `token` and returns the next token and the changed operations.
    func checkpoint(executionArn: String, token: String, updates: [OperationUpdate], clientToken: String?) async throws -> CheckpointResponse
    /// Reads one page of the execution's operations.
    func executionState(executionArn: String, token: String, marker: String, maxItems: Int) async throws -> ExecutionStatePage
}
