import DurableModel

/// Observes an invocation: its start and end, operations and step attempts.
///
/// Every hook has an empty default; a hook's thrown error is caught and ignored so a plugin can
/// never change the workflow's outcome. Attempt hooks run in the step's task around the user body.
public protocol DurablePlugin: Sendable {
    /// The invocation began (after the state was loaded).
    func invocationStart(_ info: InvocationStartInfo) async throws
    /// The invocation is about to return `status`.
    func invocationEnd(_ info: InvocationEndInfo) async throws
    /// An operation is started for the first time (not on replay).
    func operationStart(_ info: OperationInfo) async throws
    /// An operation reached a final state in this invocation (not when merely replayed).
    func operationEnd(_ info: OperationInfo, status: OperationStatus) async throws
    /// A step attempt is about to run the user body.
    func attemptStart(_ info: AttemptInfo) async throws
    /// A step attempt finished.
    func attemptEnd(_ info: AttemptInfo, outcome: AttemptOutcome) async throws
}

extension DurablePlugin {
    /// Does nothing.
    public func invocationStart(_ info: InvocationStartInfo) async throws {}
    /// Does nothing.
    public func invocationEnd(_ info: InvocationEndInfo) async throws {}
    /// Does nothing.
    public func operationStart(_ info: OperationInfo) async throws {}
    /// Does nothing.
    public func operationEnd(_ info: OperationInfo, status: OperationStatus) async throws {}
    /// Does nothing.
    public func attemptStart(_ info: AttemptInfo) async throws {}
    /// Does nothing.
    public func attemptEnd(_ info: AttemptInfo, outcome: AttemptOutcome) async throws {}
}
