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
            var lastPurge = Date.distantPast
            while !Task.isCancelled {
                let generation = engine.timerGeneration
                do {
                    _ = try await engine.fireDueTimers()
                    // Retention is measured in days; sweeping hourly is plenty.
                    if engine.clock.now().timeIntervalSince(lastPurge) >= 3600 {
                        lastPurge = engine.clock.now()
                        try await engine.purgeExpiredExecutions()
                    }
                } catch {
                    engine.logger.error("firing timers failed", metadata: ["error": "\(error)"])
                }
                var next = try? await engine.nextTimerDate()
                var latest = lastPurge.addingTimeInterval(3600)
                // Shared: timers other nodes hold or arm are not announced reliably; look again soon.
                if let sharing = engine.configuration.sharing, engine.shared != nil {
                    latest = min(latest, engine.clock.now().addingTimeInterval(sharing.pollInterval.seconds))
                }
                if next.map({ $0 > latest }) ?? true { next = latest }
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
