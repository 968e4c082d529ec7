import AsyncHTTPClient
import DurableClient
import DurableModel
import DurableServer
import Foundation
import NIOCore
import Testing

@Suite("POST /durable/2025-12-01/durable-executions/{arn}/logs: a worker's invocation records", .timeLimit(.minutes(1)))
struct AppendLogsRouteTests {
    static func entry(_ message: String, level: String = "INFO") -> ExecutionLogEntry {
        ExecutionLogEntry(timestamp: Date(timeIntervalSince1970: 1_800_000_000.25), level: level, message: message, operationId: "op-1", attempt: 1)
    }

    @Test func theRunningInvocationAppendsAndNothingElseDoes() async throws {
        try await WorkerTestService.with(functions: ["quiet"]) { service in
            let client = DurableHTTPClient(endpoint: service.endpoint)
            let arn = try #require(try await client.invoke(function: "quiet", payload: "{}", asynchronous: true).executionArn)
            // The test plays the worker: it takes the invocation straight from the queue.
            let job = try await service.workers.next(functionName: "quiet")
            try await client.appendLogs(arn: arn, requestId: job.requestId, records: [Self.entry("one"), Self.entry("two", level: "WARNING")])
            let logs = try await client.allLogs(arn: arn)
            #expect(logs.map(\.message) == ["one", "two"])
            #expect(logs.allSatisfy { $0.requestId == job.requestId && $0.executionArn == arn && $0.operationId == "op-1" && $0.attempt == 1 })
            #expect(logs[0].timestamp == Date(timeIntervalSince1970: 1_800_000_000.25))

            await Self.expectError(409, "ResourceConflictException") {
                try await client.appendLogs(arn: arn, requestId: "someone-else", records: [Self.entry("forged")])
            }
            await Self.expectError(400, "InvalidParameterValueException") {
                try await client.appendLogs(arn: arn, requestId: job.requestId, records: [Self.entry("x", level: "LOUD")])
            }
            await Self.expectError(400, "InvalidParameterValueException") {
                try await client.appendLogs(arn: arn, requestId: "", records: [])
            }
            let missing = arn.replacingOccurrences(of: "quiet", with: "absent")
            await Self.expectError(404, "ResourceNotFoundException") {
                try await client.appendLogs(arn: missing, requestId: job.requestId, records: [Self.entry("lost")])
            }
            service.workers.respond(requestId: job.requestId, body: #"{"Status":"SUCCEEDED","Result":"{}"}"#)
            #expect(try await eventually { try await service.engine.describeExecution(executionArn: arn).status == .succeeded })
            // The invocation ended: its request id no longer writes.
            await Self.expectError(409, "ResourceConflictException") {
                try await client.appendLogs(arn: arn, requestId: job.requestId, records: [Self.entry("late")])
            }
            #expect(try await client.allLogs(arn: arn).count == 2)
        }
    }

    @Test func aMalformedBodyIsAnAWSStyleError() async throws {
        try await WorkerTestService.with(functions: ["quiet"]) { service in
            let arn = try #require(try await DurableHTTPClient(endpoint: service.endpoint)
                .invoke(function: "quiet", payload: "{}", asynchronous: true).executionArn)
            var request = HTTPClientRequest(url: service.endpoint + "/durable/2025-12-01/durable-executions/\(DurableHTTPClient.encode(arn))/logs")
            request.method = .POST
            request.body = .bytes(ByteBuffer(string: #"{"RequestId": 7, "Records": "nope"}"#))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            let body = String(buffer: try await response.body.collect(upTo: 65_536))
            #expect(response.status.code == 400)
            #expect(response.headers.first(name: "X-Amzn-ErrorType") == "InvalidParameterValueException")
            #expect(body.contains("RequestId"))
        }
    }

    static func expectError(_ status: Int, _ type: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("expected \(status) \(type)")
        } catch let error as DurableServiceError {
            #expect(error.statusCode == status)
            #expect(error.type == type)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
