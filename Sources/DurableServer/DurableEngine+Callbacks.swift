import DurableModel
import Foundation

extension DurableEngine {
    static func inactiveCallback(_ id: String) -> DurableServiceError {
        .callbackTimeout("Callback \(id) is not active: it does not exist, timed out or was already completed.")
    }

    /// `SendDurableExecutionCallbackSuccess`.
    public func sendCallbackSuccess(callbackId: String, result: String?) async throws {
        if let result, result.utf8.count > DurableLimits.maxCallbackResultBytes {
            throw DurableServiceError.invalidParameter("Callback result must be at most \(DurableLimits.maxCallbackResultBytes) bytes.")
        }
        try await completeCallback(callbackId) { builder, id, now in
            builder.completeCallback(id, result: result, error: nil, succeeded: true, now: now)
        }
    }

    /// `SendDurableExecutionCallbackFailure`.
    public func sendCallbackFailure(callbackId: String, error: ErrorObject?) async throws {
        try await completeCallback(callbackId) { builder, id, now in
            builder.completeCallback(id, result: nil, error: error, succeeded: false, now: now)
        }
    }

    /// `SendDurableExecutionCallbackHeartbeat`: restarts only the heartbeat timer.
    public func sendCallbackHeartbeat(callbackId: String) async throws {
        try await withActiveCallback(callbackId) { builder, op, now in
            if let seconds = op.meta.callbackHeartbeatSeconds, seconds > 0 {
                builder.arm(DurableTimer(key: builder.key(.callbackHeartbeat, op.id), dueAt: now.addingTimeInterval(TimeInterval(seconds))))
            }
        }
    }

    private func completeCallback(_ callbackId: String, _ change: @escaping (inout MutationBuilder, String, Date) -> Void) async throws {
        try await withActiveCallback(callbackId) { builder, op, now in
            change(&builder, op.id, now)
            builder.requestInvocation()
        }
    }

    /// Runs `body` on the callback's STARTED operation of a RUNNING execution, else `CallbackTimeoutException`.
    private func withActiveCallback(_ callbackId: String, _ body: (inout MutationBuilder, StoredOperation, Date) -> Void) async throws {
        guard Validation.isBase64Token(callbackId, maxLength: 1024), let entry = try await store.callback(id: callbackId) else {
            throw Self.inactiveCallback(callbackId)
        }
        let result = try await mutate(entry.executionArn) { builder -> Bool in
            guard builder.record.status == .running, let op = builder.operations[entry.operationId],
                  op.operation.type == .callback, op.operation.status == .started,
                  op.operation.callbackDetails?.callbackId == callbackId else { return false }
            body(&builder, op, clock.now())
            return true
        }
        guard let (active, _) = result, active else { throw Self.inactiveCallback(callbackId) }
    }
}
