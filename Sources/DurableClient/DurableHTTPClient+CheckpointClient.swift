import DurableModel
import Foundation
import NIOHTTP1

/// The SDK's door to a remote service: `CheckpointDurableExecution` and `GetDurableExecutionState`
/// over HTTP, as a Runtime API worker (or any out-of-process host) uses them.
extension DurableHTTPClient: CheckpointClient {
    /// `CheckpointDurableExecution`.
    public func checkpoint(executionArn: String, token: String, updates: [OperationUpdate], clientToken: String?) async throws -> CheckpointResponse {
        let body = try DurableJSON.encoder(.seconds).encode(CheckpointRequest(checkpointToken: token, updates: updates, clientToken: clientToken))
        return try await call(.POST, "/2025-12-01/durable-executions/\(Self.encode(executionArn))/checkpoint", body: body)
    }

    /// `GetDurableExecutionState`, one page.
    public func executionState(executionArn: String, token: String, marker: String, maxItems: Int) async throws -> ExecutionStatePage {
        var query = ["CheckpointToken=\(Self.encode(token))", "MaxItems=\(maxItems)"]
        if !marker.isEmpty { query.append("Marker=\(Self.encode(marker))") }
        return try await call(.GET, "/2025-12-01/durable-executions/\(Self.encode(executionArn))/state?" + query.joined(separator: "&"))
    }

    /// Appends what invocation `requestId` logged to the execution's log (not an AWS route); the
    /// invocation must still be running.
    public func appendLogs(arn: String, requestId: String, records: [ExecutionLogEntry]) async throws {
        let body = try DurableJSON.encoder(.seconds).encode(AppendExecutionLogsRequest(requestId: requestId, records: records))
        let _: EmptyResponse = try await call(.POST, "/durable/2025-12-01/durable-executions/\(Self.encode(arn))/logs", body: body)
    }
}
