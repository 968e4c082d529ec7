import ServiceLifecycle

extension DurableEngine {
    /// The services production runs in a `ServiceGroup`: invocations and timers, and with a shared
    /// store the claims of invocations from it.
    public func makeServices() -> [any Service] {
        var services: [any Service] = [InvocationService(engine: self), TimerService(engine: self)]
        if shared != nil { services.append(ClaimService(engine: self)) }
        return services
    }

    /// Only the invocation service, for callers that fire timers themselves (the test kit's manual clock).
    public func makeInvocationServices() -> [any Service] {
        [InvocationService(engine: self)]
    }
}
