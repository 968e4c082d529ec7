/// The SDK-owned operation subtypes (the wire carries them as plain strings).
public enum OperationSubType {
    /// A step.
    public static let step = "Step"
    /// A wait-for-condition poll (a STEP).
    public static let waitForCondition = "WaitForCondition"
    /// A durable timer.
    public static let wait = "Wait"
    /// A callback.
    public static let callback = "Callback"
    /// A chained invoke of another function.
    public static let chainedInvoke = "ChainedInvoke"
    /// A child context.
    public static let runInChildContext = "RunInChildContext"
    /// The context wrapping a wait-for-callback.
    public static let waitForCallback = "WaitForCallback"
    /// The parent context of a map.
    public static let map = "Map"
    /// One item of a map.
    public static let mapIteration = "MapIteration"
    /// The parent context of a parallel.
    public static let parallel = "Parallel"
    /// One branch of a parallel.
    public static let parallelBranch = "ParallelBranch"
}
