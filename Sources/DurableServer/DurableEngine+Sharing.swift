import DurableModel
import Foundation

extension DurableEngine {
    /// Runs the invocation of an execution this node just leased, then gives the lease back.
    ///
    /// A claim of a `running` execution means the node that ran it let its lease expire (it died or
    /// stalled): that invocation is recorded as crashed and a new one starts here. The old one, if its
    /// node still runs it, is fenced: its checkpoint token and request id are no longer the stored ones,
    /// so its checkpoints fail with "Invalid checkpoint token" and its answer is ignored.
    func runClaimed(_ claim: InvocationClaim, owner: String) async {
        let arn = claim.executionArn
        holdLease(arn)
        defer { dropLease(arn) }
        do {
            if claim.interrupted {
                _ = try await mutate(arn) { builder in
                    guard builder.record.status == .running, builder.record.invocationPhase == .running else { return }
                    logger.notice("taking over an invocation whose lease expired", metadata: ["arn": "\(arn)"])
                    markInterrupted(&builder)
                }
            }
            await runInvocation(arn)
        } catch {
            logger.error("taking over an interrupted invocation failed", metadata: ["arn": "\(arn)", "error": "\(error)"])
        }
        do {
            try await shared?.releaseLease(owner: owner, executionArn: arn)
        } catch {
            // Harmless: the lease runs out by itself.
            logger.warning("releasing a lease failed", metadata: ["arn": "\(arn)", "error": "\(error)"])
        }
        // The invocation may have queued the next one; look for it here first.
        claimSignal.signal()
    }

    private func holdLease(_ arn: String) {
        heldLeases.withLock { $0[arn, default: 0] += 1 }
    }

    private func dropLease(_ arn: String) {
        heldLeases.withLock { held in
            let count = (held[arn] ?? 1) - 1
            held[arn] = count > 0 ? count : nil
        }
    }

    /// Extends every lease this node holds; logs the ones another node took over meanwhile.
    func renewLeases() async {
        guard let shared, let sharing = configuration.sharing else { return }
        let arns = heldLeases.withLock { Array($0.keys) }
        guard !arns.isEmpty else { return }
        do {
            let kept = try await shared.renewLeases(owner: sharing.nodeId, executionArns: arns, lease: sharing.leaseDuration)
            for arn in arns where !kept.contains(arn) && heldLeases.withLock({ $0[arn] != nil }) {
                logger.warning("lost the lease of a running invocation; its checkpoints will be refused", metadata: ["arn": "\(arn)"])
            }
        } catch {
            logger.error("renewing leases failed", metadata: ["error": "\(error)"])
        }
    }
}
