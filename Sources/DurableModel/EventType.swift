/// The type of a history event.
public enum EventType: String, Codable, Sendable, Hashable, CaseIterable {
    case executionStarted = "ExecutionStarted"
    case executionSucceeded = "ExecutionSucceeded"
    case executionFailed = "ExecutionFailed"
    case executionTimedOut = "ExecutionTimedOut"
    case executionStopped = "ExecutionStopped"
    case contextStarted = "ContextStarted"
    case contextSucceeded = "ContextSucceeded"
    case contextFailed = "ContextFailed"
    case waitStarted = "WaitStarted"
    case waitSucceeded = "WaitSucceeded"
    case waitCancelled = "WaitCancelled"
    case stepStarted = "StepStarted"
    case stepSucceeded = "StepSucceeded"
    case stepFailed = "StepFailed"
    case chainedInvokeStarted = "ChainedInvokeStarted"
    case chainedInvokeSucceeded = "ChainedInvokeSucceeded"
    case chainedInvokeFailed = "ChainedInvokeFailed"
    case chainedInvokeTimedOut = "ChainedInvokeTimedOut"
    case chainedInvokeStopped = "ChainedInvokeStopped"
    case callbackStarted = "CallbackStarted"
    case callbackSucceeded = "CallbackSucceeded"
    case callbackFailed = "CallbackFailed"
    case callbackTimedOut = "CallbackTimedOut"
    case invocationCompleted = "InvocationCompleted"

    /// The JSON member that carries this event's details, e.g. `StepSucceededDetails`.
    public var detailsKey: String { rawValue + "Details" }
}
