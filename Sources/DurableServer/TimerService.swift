import Foundation
import ServiceLifecycle

/// Sleeps on the engine's clock until the next timer is due (or timers change) and fires due timers.
public struct TimerService: Service {
    let engine: DurableEngine

    /// Creates the service for `engine`.
    public init(engine: DurableEngine) { self.engine = engine }

    /// Fires timers until cancelled or asked to shut down gracefully.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let generation = engine.timerGeneration
                do {
                    _ = try await engine.fireDueTimers()
                } catch {
                    engine.logger.error("firing timers failed", metadata: ["error": "\(error)"])
                }
                let next = try? await engine.nextTimerDate()
                // Wake at the next due date or as soon as timers change, whichever comes first.
                await withTaskGroup(of: Void.self) { group in
                    let clock = engine.clock
                    if let next {
                        group.addTask { try? await clock.sleep(until: next) }
                    }
                    group.addTask { await engine.waitForTimerChange(after: generation) }
                    await group.next()
                    group.cancelAll()
                }
            }
        }
    }
}
