import DurableServer
import NIOCore
import Synchronization

/// Cancels the long polls of a connection when its peer closes it.
///
/// Hummingbird does not cancel a handler whose client went away, so without this a worker killed
/// while blocked in `next` would stay in line and silently swallow the next job until its
/// deadline. One close callback is registered per connection, not per request, because a worker
/// reuses its keep-alive connection for every poll and the callbacks would pile up.
final class ConnectionWatch: Sendable {
    private struct Polls {
        var next: UInt64 = 0
        var byConnection: [ObjectIdentifier: [UInt64: Task<WorkerJob, any Error>]] = [:]
    }

    private let polls = Mutex(Polls())

    /// Runs `body` in a task that is cancelled when `channel` closes (or the caller is cancelled).
    func poll(on channel: any Channel, _ body: @escaping @Sendable () async throws -> WorkerJob) async throws -> WorkerJob {
        let connection = ObjectIdentifier(channel)
        // A plain Task inherits the task locals, among them the graceful-shutdown trigger.
        let task = Task { try await body() }
        let (id, isNewConnection) = polls.withLock { p -> (UInt64, Bool) in
            p.next += 1
            let isNew = p.byConnection[connection] == nil
            p.byConnection[connection, default: [:]][p.next] = task
            return (p.next, isNew)
        }
        if isNewConnection {
            channel.closeFuture.whenComplete { [weak self] _ in self?.closed(connection) }
            let handler = PeerCloseHandler { [weak self] in self?.closed(connection) }
            channel.pipeline.addHandler(handler, position: .first).whenFailure { [weak self] _ in self?.closed(connection) }
        }
        defer {
            polls.withLock { p in
                p.byConnection[connection]?[id] = nil
            }
        }
        return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
    }

    private func closed(_ connection: ObjectIdentifier) {
        let tasks = polls.withLock { $0.byConnection.removeValue(forKey: connection) } ?? [:]
        for task in tasks.values { task.cancel() }
    }
}
