import DurableModel
import Foundation

extension DurableEngine {
    /// Appends what a Runtime API worker's invocation logged to the execution's log.
    ///
    /// The invocation must still be the execution's running one: a worker sends its records before
    /// its answer, so they land before anyone sees the invocation end, and a worker whose
    /// invocation already timed out (or a caller guessing ids) cannot write into the log.
    public func appendInvocationLogs(executionArn: String, request: AppendExecutionLogsRequest) async throws {
        try Self.validate(request)
        guard let record = try await liveRecord(executionArn) else {
            throw DurableServiceError.notFound("Durable execution not found: \(executionArn)")
        }
        guard record.invocationPhase == .running, record.currentInvocation?.requestId == request.requestId else {
            throw DurableServiceError(
                type: "ResourceConflictException",
                message: "Invocation \(request.requestId) is not the running invocation of \(executionArn)", statusCode: 409)
        }
        let records = request.records.map { entry in
            ExecutionLogRecord(timestamp: entry.timestamp, executionArn: executionArn, requestId: request.requestId,
                               level: entry.level, message: entry.message, operationId: entry.operationId, attempt: entry.attempt)
        }
        guard !records.isEmpty else { return }
        try await store.appendLogs(executionArn: executionArn, records: records)
    }

    /// Checks the request's shape; the errors name the offending member as AWS validation errors do.
    static func validate(_ request: AppendExecutionLogsRequest) throws {
        guard !request.requestId.isEmpty, request.requestId.utf8.count <= 128 else {
            throw DurableServiceError.invalidParameter("RequestId must be 1 to 128 characters")
        }
        guard request.records.count <= AppendExecutionLogsRequest.maxRecords else {
            throw DurableServiceError.invalidParameter("Records must hold at most \(AppendExecutionLogsRequest.maxRecords) records")
        }
        for (index, entry) in request.records.enumerated() {
            guard ExecutionLogEntry.levels.contains(entry.level) else {
                throw DurableServiceError.invalidParameter(
                    "Records.\(index).Level must be one of \(ExecutionLogEntry.levels.sorted().joined(separator: ", "))")
            }
            guard entry.message.utf8.count <= AppendExecutionLogsRequest.maxMessageBytes else {
                throw DurableServiceError.invalidParameter(
                    "Records.\(index).Message must be at most \(AppendExecutionLogsRequest.maxMessageBytes) bytes")
            }
            if let attempt = entry.attempt, attempt < 0 {
                throw DurableServiceError.invalidParameter("Records.\(index).Attempt must not be negative")
            }
            if let id = entry.operationId, id.isEmpty || id.utf8.count > 256 {
                throw DurableServiceError.invalidParameter("Records.\(index).OperationId must be 1 to 256 characters")
            }
            guard entry.timestamp.timeIntervalSince1970.isFinite else {
                throw DurableServiceError.invalidParameter("Records.\(index).Timestamp must be a finite number of seconds")
            }
        }
    }
}
