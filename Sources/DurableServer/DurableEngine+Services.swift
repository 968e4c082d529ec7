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

    /// Runs `body` while `services` (from `makeServices()` or `makeInvocationServices()`) run, and
    /// cancels them when it returns: the engine driven without a `ServiceGroup` (test kit, tests, benchmarks).
    public static func running<R: Sendable>(_ services: [any Service], _ body: @Sendable () async throws -> R) async throws -> R {
        try await withThrowingTaskGroup(of: R?.self) { group in
            for service in services {
                group.addTask {
                    try await service.run()
                    return nil
                }
            }
            defer { group.cancelAll() }
            return try await body()
        }
    }
}
