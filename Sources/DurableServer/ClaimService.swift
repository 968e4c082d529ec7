import Logging
import ServiceLifecycle

/// With a shared store: claims queued invocations under leases (no more than free invocation slots),
/// renews the leases while the invocations run, listens for other nodes' announcements and announces
/// this node's new work, coalesced.
///
/// Wake-ups come from this node's own commits, from PostgreSQL notifications and, as a bound on lost
/// notifications, from the poll interval.
public struct ClaimService: Service {
    let engine: DurableEngine

    /// Creates the service for `engine`.
    public init(engine: DurableEngine) { self.engine = engine }

    /// Claims work until cancelled; on graceful shutdown stops claiming and lets running invocations end.
    public func run() async throws {
        guard let shared = engine.shared, let sharing = engine.configuration.sharing else { return }
        await withTaskGroup(of: Void.self) { helpers in
            helpers.addTask { await renewLoop(sharing) }
            helpers.addTask { await listenLoop(shared, sharing) }
            helpers.addTask { await announceLoop(shared) }
            await claimLoop(shared, sharing)
            helpers.cancelAll()
        }
    }

    private func claimLoop(_ shared: any SharedWorkStore, _ sharing: NodeSharing) async {
        // Back-pressure: a node claims no more invocations than it has free slots for, so what it
        // cannot run stays in the database for the other nodes.
        let slots = AsyncSemaphore(permits: engine.configuration.maxConcurrentInvocations)
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                let generation = engine.claimSignal.generation
                let free = slots.acquireAvailable(upTo: .max)
                var claims: [InvocationClaim] = []
                if free > 0 {
                    do {
                        claims = try await shared.claimInvocations(owner: sharing.nodeId, limit: free, lease: sharing.leaseDuration)
                    } catch {
                        engine.logger.error("claiming invocations failed", metadata: ["error": "\(error)"])
                    }
                }
                slots.signal(count: free - claims.count)
                for claim in claims {
                    group.addTask {
                        await engine.runClaimed(claim, owner: sharing.nodeId)
                        slots.signal()
                        engine.claimSignal.signal()
                    }
                }
                // A full batch suggests more is waiting; otherwise sleep until something changes.
                if free > 0, claims.count == free { continue }
                await withGracefulShutdownHandler {
                    await sleep(until: generation, atMost: sharing.pollInterval)
                } onGracefulShutdown: {
                    engine.claimSignal.signal()
                }
            }
        }
    }

    /// Returns when the claim signal moves past `generation` or after `interval`.
    private func sleep(until generation: Int, atMost interval: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await engine.claimSignal.wait(after: generation) }
            group.addTask { try? await Task.sleep(for: interval) }
            await group.next()
            group.cancelAll()
        }
    }

    private func renewLoop(_ sharing: NodeSharing) async {
        // Three renewals per lease period, so one slow round trip does not lose a lease.
        let period = sharing.leaseDuration / 3
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { return }
            await engine.renewLeases()
        }
    }

    private func listenLoop(_ shared: any SharedWorkStore, _ sharing: NodeSharing) async {
        while !Task.isCancelled {
            do {
                try await shared.listenForWork { [engine] in
                    engine.claimSignal.signal()
                    engine.pokeTimers()
                }
            } catch {
                if Task.isCancelled { return }
                engine.logger.warning("listening for work failed; polling until it reconnects", metadata: ["error": "\(error)"])
            }
            // Both for a dropped connection and a listener that ended: the poll interval covers the gap.
            do { try await Task.sleep(for: sharing.pollInterval) } catch { return }
        }
    }

    private func announceLoop(_ shared: any SharedWorkStore) async {
        var seen = engine.announceSignal.generation
        while !Task.isCancelled {
            await engine.announceSignal.wait(after: seen)
            if Task.isCancelled { return }
            seen = engine.announceSignal.generation
            do {
                try await shared.announceWork()
            } catch {
                engine.logger.warning("announcing work failed", metadata: ["error": "\(error)"])
            }
            // One announcement per 20 ms at most, however many commits queued work meanwhile.
            do { try await Task.sleep(for: .milliseconds(20)) } catch { return }
        }
    }
}
