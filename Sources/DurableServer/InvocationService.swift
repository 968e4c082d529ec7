import ServiceLifecycle

/// Runs the engine's queued invocations and chained calls, at most `maxConcurrentInvocations` handlers at once.
public struct InvocationService: Service {
    let engine: DurableEngine

    /// Creates the service for `engine`.
    public init(engine: DurableEngine) { self.engine = engine }

    /// Takes work until cancelled; on graceful shutdown it stops taking work and lets in-flight work finish.
    public func run() async throws {
        let permits = AsyncSemaphore(permits: engine.configuration.maxConcurrentInvocations)
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                await permits.wait()
                let item = await withGracefulShutdownHandler {
                    await engine.nextWorkItem()
                } onGracefulShutdown: { [engine] in
                    engine.releaseWorkWaiters()
                }
                guard let item else {
                    permits.signal()
                    break
                }
                group.addTask {
                    // The permit bounds handlers, not bookkeeping: it goes back once the handler has
                    // answered, so the next invocation starts while this one's end is being stored.
                    await engine.perform(item, handlerReturned: { permits.signal() })
                }
            }
        }
    }
}
