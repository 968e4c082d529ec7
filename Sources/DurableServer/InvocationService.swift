import ServiceLifecycle

/// Runs the engine's queued invocations and chained calls, at most `maxConcurrentInvocations` at once.
public struct InvocationService: Service {
    let engine: DurableEngine

    /// Creates the service for `engine`.
    public init(engine: DurableEngine) { self.engine = engine }

    /// Takes work until cancelled or asked to shut down gracefully; in-flight work finishes first.
    public func run() async throws {
        let permits = AsyncSemaphore(permits: engine.configuration.maxConcurrentInvocations)
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                while !Task.isCancelled {
                    await permits.wait()
                    guard let item = await engine.nextWorkItem() else {
                        permits.signal()
                        break
                    }
                    group.addTask {
                        await engine.perform(item)
                        permits.signal()
                    }
                }
            }
        }
    }
}
