import ServiceLifecycle

extension DurableEngine {
    /// The services production runs in a `ServiceGroup`: invocations and timers.
    public func makeServices() -> [any Service] {
        [InvocationService(engine: self), TimerService(engine: self)]
    }

    /// Only the invocation service, for callers that fire timers themselves (the test kit's manual clock).
    public func makeInvocationServices() -> [any Service] {
        [InvocationService(engine: self)]
    }
}
