/// A unit of work the invocation service runs.
enum EngineWorkItem: Sendable, Hashable {
    /// Invoke the handler of this execution.
    case invocation(executionArn: String)
    /// Run a plain chained-invoke target for an operation of this execution.
    case plainInvoke(parentArn: String, dispatch: ChainedInvokeDispatch)
    /// Run one version of a plain function for an `Event` invoke (nobody waits for its answer).
    case plainEvent(functionName: String, version: String, payload: String)
}
