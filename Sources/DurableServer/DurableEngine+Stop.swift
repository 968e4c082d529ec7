import DurableModel
import Foundation

extension DurableEngine {
    /// `StopDurableExecution`: closes a RUNNING execution as STOPPED (a running invocation is not
    /// interrupted; its next checkpoint fails); a closed execution answers its original end time.
    public func stopExecution(executionArn: String, error: ErrorObject?) async throws -> Date {
        let result = try await mutate(executionArn) { builder -> (Date, [String]) in
            if builder.record.status.isTerminal { return (builder.record.endTimestamp ?? clock.now(), []) }
            let now = clock.now()
            builder.close(.stopped, error: error ?? ErrorObject(errorMessage: "Execution stopped by user request"), now: now)
            // Durable chained children are stopped too; their parent operation is already moot.
            let children = builder.operations.values.compactMap { op -> String? in
                op.operation.type == .chainedInvoke && op.operation.status == .started ? op.meta.chainedChildArn : nil
            }
            return (now, children)
        }
        guard let ((stoppedAt, children), record) = result else {
            throw DurableServiceError.notFound("Durable execution not found: \(executionArn)")
        }
        if record.status == .stopped, record.endTimestamp == stoppedAt {
            await afterClose(record)
            for child in children { _ = try? await stopExecution(executionArn: child, error: error) }
        }
        return stoppedAt
    }
}
