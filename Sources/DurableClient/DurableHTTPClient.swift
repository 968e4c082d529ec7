import AsyncHTTPClient
import DurableModel
import Foundation
import NIOCore
import NIOHTTP1

/// A client of the durable-execution HTTP API: the same routes the AWS CLI and boto3 call.
public struct DurableHTTPClient: Sendable {
    /// The service's base URL, e.g. `http://127.0.0.1:9000`.
    public let endpoint: String
    /// The timeout of one request.
    public var requestTimeout: TimeAmount
    let http: HTTPClient

    /// Creates a client on the shared HTTP client.
    public init(endpoint: String, requestTimeout: TimeAmount = .seconds(960), http: HTTPClient = .shared) {
        self.endpoint = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        self.requestTimeout = requestTimeout
        self.http = http
    }

    /// The answer of `Invoke`.
    public struct InvokeResult: Sendable {
        /// The HTTP status (200, 202, 204).
        public var statusCode: Int
        /// The execution's ARN.
        public var executionArn: String?
        /// `X-Amz-Function-Error`, when the execution failed.
        public var functionError: String?
        /// The response body (the result or the error).
        public var payload: String
    }

    /// Invokes a function: `RequestResponse` waits for the execution's end, `Event` returns at once.
    public func invoke(function: String, payload: String, executionName: String? = nil, asynchronous: Bool = false, qualifier: String? = nil) async throws -> InvokeResult {
        var path = "/2015-03-31/functions/\(Self.encode(function))/invocations"
        if let qualifier { path += "?Qualifier=\(Self.encode(qualifier))" }
        var headers = HTTPHeaders()
        headers.add(name: "X-Amz-Invocation-Type", value: asynchronous ? "Event" : "RequestResponse")
        if let executionName { headers.add(name: "X-Amz-Durable-Execution-Name", value: executionName) }
        let (status, responseHeaders, body) = try await send(.POST, path, headers: headers, body: Data(payload.utf8))
        return InvokeResult(statusCode: status, executionArn: responseHeaders.first(name: "X-Amz-Durable-Execution-Arn"),
                            functionError: responseHeaders.first(name: "X-Amz-Function-Error"), payload: String(decoding: body, as: UTF8.self))
    }

    /// `GetDurableExecution`.
    public func execution(arn: String) async throws -> GetDurableExecutionResponse {
        try await call(.GET, "/2025-12-01/durable-executions/\(Self.encode(arn))")
    }

    /// `GetDurableExecutionHistory`, one page.
    public func history(arn: String, includeExecutionData: Bool = true, reverseOrder: Bool = false, marker: String? = nil, maxItems: Int? = nil) async throws -> GetDurableExecutionHistoryResponse {
        var query = ["IncludeExecutionData=\(includeExecutionData)", "ReverseOrder=\(reverseOrder)"]
        if let marker { query.append("Marker=\(Self.encode(marker))") }
        if let maxItems { query.append("MaxItems=\(maxItems)") }
        return try await call(.GET, "/2025-12-01/durable-executions/\(Self.encode(arn))/history?" + query.joined(separator: "&"))
    }

    /// The whole history, following markers.
    public func fullHistory(arn: String) async throws -> [HistoryEvent] {
        var events: [HistoryEvent] = []
        var marker: String?
        repeat {
            let page = try await history(arn: arn, marker: marker, maxItems: 1000)
            events += page.events
            marker = page.nextMarker
        } while !(marker ?? "").isEmpty
        return events
    }

    /// One page of the execution's log records (not an AWS route).
    public func logs(arn: String, marker: String? = nil, maxItems: Int? = nil) async throws -> ExecutionLogsResponse {
        var query: [String] = []
        if let marker { query.append("Marker=\(Self.encode(marker))") }
        if let maxItems { query.append("MaxItems=\(maxItems)") }
        return try await call(.GET, "/durable/2025-12-01/durable-executions/\(Self.encode(arn))/logs" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
    }

    /// All of the execution's log records, following markers.
    public func allLogs(arn: String) async throws -> [ExecutionLogRecord] {
        var records: [ExecutionLogRecord] = []
        var marker: String?
        repeat {
            let page = try await logs(arn: arn, marker: marker, maxItems: 1000)
            records += page.records
            marker = page.nextMarker
        } while !(marker ?? "").isEmpty
        return records
    }

    /// `ListDurableExecutionsByFunction`, one page.
    public func listExecutions(function: String, statuses: [ExecutionStatus] = [], executionName: String? = nil, marker: String? = nil, maxItems: Int? = nil) async throws -> ListDurableExecutionsResponse {
        var query = statuses.map { "Statuses=\($0.rawValue)" }
        if let executionName { query.append("DurableExecutionName=\(Self.encode(executionName))") }
        if let marker { query.append("Marker=\(Self.encode(marker))") }
        if let maxItems { query.append("MaxItems=\(maxItems)") }
        return try await call(.GET, "/2025-12-01/functions/\(Self.encode(function))/durable-executions" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")))
    }

    /// `StopDurableExecution`.
    public func stop(arn: String, error: ErrorObject? = nil) async throws -> StopDurableExecutionResponse {
        let body = try error.map { try DurableJSON.encoder(.seconds).encode($0) }
        return try await call(.POST, "/2025-12-01/durable-executions/\(Self.encode(arn))/stop", body: body)
    }

    /// `SendDurableExecutionCallbackSuccess` with raw result text.
    public func succeedCallback(id: String, result: String?) async throws {
        let _: EmptyResponse = try await call(.POST, "/2025-12-01/durable-execution-callbacks/\(Self.encode(id))/succeed", body: result.map { Data($0.utf8) })
    }

    /// `SendDurableExecutionCallbackFailure`.
    public func failCallback(id: String, error: ErrorObject) async throws {
        let _: EmptyResponse = try await call(.POST, "/2025-12-01/durable-execution-callbacks/\(Self.encode(id))/fail", body: try DurableJSON.encoder(.seconds).encode(error))
    }

    /// `SendDurableExecutionCallbackHeartbeat`.
    public func heartbeatCallback(id: String) async throws {
        let _: EmptyResponse = try await call(.POST, "/2025-12-01/durable-execution-callbacks/\(Self.encode(id))/heartbeat")
    }

    // MARK: Transport

    struct EmptyResponse: Decodable {}

    func call<T: Decodable>(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> T {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        let (_, _, data) = try await send(method, path, headers: headers, body: body)
        return try DurableJSON.decoder().decode(T.self, from: data.isEmpty ? Data("{}".utf8) : data)
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: Data?) async throws -> (Int, HTTPHeaders, Data) {
        var request = HTTPClientRequest(url: endpoint + path)
        request.method = method
        request.headers = headers
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await http.execute(request, timeout: requestTimeout)
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let data = Data(buffer.readableBytesView)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            let type = response.headers.first(name: "X-Amzn-ErrorType") ?? "HTTP\(status)"
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            let message = (object?["message"] as? String) ?? (object?["Message"] as? String) ?? String(decoding: data, as: UTF8.self)
            throw DurableServiceError(type: type, message: message, statusCode: status)
        }
        return (status, response.headers, data)
    }

    /// Percent-encodes a path segment the way AWS clients do: everything but unreserved characters.
    public static func encode(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }
}
