import DurableModel
import DurableServer
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The AWS Lambda durable-execution HTTP API (and `Invoke`) on top of a `DurableEngine`.
///
/// Routes, shapes, casing and units follow the Lambda service model: JSON bodies, timestamps as
/// epoch seconds, errors with `X-Amzn-ErrorType`. ARNs and callback ids arrive percent-encoded in
/// the path (`%3A`, `%2F`, `%24`, `%2B`, `%3D`); the routes match the raw path and decode it
/// themselves, so an ARN's slashes never split the route.
public struct DurableAPI: Sendable {
    /// The engine the routes drive.
    public let engine: DurableEngine
    /// How long a `RequestResponse` invoke waits for its execution (Lambda's cap is 15 minutes).
    public var synchronousInvokeTimeout: Duration
    let logger: Logger
    let limiter: RequestLimiter

    /// Creates the API over `engine`.
    /// `maxInFlightRequests` bounds the requests handled at once; more are refused with `TooManyRequestsException`.
    public init(engine: DurableEngine, synchronousInvokeTimeout: Duration = .seconds(900), maxInFlightRequests: Int = 1024,
                logger: Logger = Logger(label: "durable.http")) {
        self.engine = engine
        self.synchronousInvokeTimeout = synchronousInvokeTimeout
        self.logger = logger
        self.limiter = RequestLimiter(limit: maxInFlightRequests)
    }

    /// A router with every route of the API.
    public func makeRouter() -> Router<BasicRequestContext> {
        makeRouter(context: BasicRequestContext.self)
    }

    /// A router with every route of the API, for a request context of the caller's choice.
    public func makeRouter<Context: RequestContext>(context: Context.Type) -> Router<Context> {
        let router = Router(context: Context.self)
        router.middlewares.add(AWSErrorMiddleware(logger: logger))
        addRoutes(to: router)
        return router
    }

    /// Adds the API's routes to `router`.
    public func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/2015-03-31/functions/:function/invocations") { request, context in
            try await limiter.admit { try await invoke(request, function: try context.parameters.require("function")) }
        }
        router.get("/2025-12-01/functions/:function/durable-executions") { request, context in
            try await limiter.admit { try await listExecutions(request, function: try context.parameters.require("function")) }
        }
        router.get("/2025-12-01/durable-executions/**") { request, _ in
            try await limiter.admit { try await executionRoute(request) }
        }
        router.post("/2025-12-01/durable-executions/**") { request, _ in
            try await limiter.admit { try await executionRoute(request) }
        }
        router.post("/2025-12-01/durable-execution-callbacks/**") { request, _ in
            try await limiter.admit { try await callbackRoute(request) }
        }
        addFunctionRoutes(to: router)
        // Not an AWS route: the records an execution's invocations logged (CloudWatch's part on AWS).
        router.get("/durable/2025-12-01/durable-executions/**") { request, _ in
            try await limiter.admit { try await logsRoute(request) }
        }
        // Not an AWS route either: a Runtime API worker appends what its invocation logged.
        router.post("/durable/2025-12-01/durable-executions/**") { request, _ in
            try await logsRoute(request)
        }
    }

    // MARK: Invoke

    func invoke(_ request: Request, function: String) async throws -> Response {
        guard let decoded = function.removingPercentEncoding, let reference = FunctionReference(decoded) else {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(function)' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern")
        }
        let queryQualifier = request.uri.queryParameters.get("Qualifier")
        if let q = queryQualifier, let r = reference.qualifier, q != r {
            throw DurableServiceError.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.")
        }
        let qualifier = queryQualifier ?? reference.qualifier
        let invocationType = request.headers[HTTPField.Name("X-Amz-Invocation-Type")!] ?? "RequestResponse"
        guard ["RequestResponse", "Event", "DryRun"].contains(invocationType) else {
            throw DurableServiceError.invalidParameter("Invalid invocation type \(invocationType); expected RequestResponse, Event or DryRun")
        }
        let limit = invocationType == "Event" ? DurableLimits.maxAsyncInvokePayloadBytes : DurableLimits.maxSyncInvokePayloadBytes
        var request = request
        let body = try await Self.collect(&request, upTo: limit)
        let payload = body.readableBytes == 0 ? "{}" : String(buffer: body)
        guard (try? JSONSerialization.jsonObject(with: Data(payload.utf8), options: [.fragmentsAllowed])) != nil else {
            throw DurableServiceError(type: "InvalidRequestContentException", message: "Could not parse request body into json: unexpected content", statusCode: 400)
        }
        let executionName = request.headers[HTTPField.Name("X-Amz-Durable-Execution-Name")!]
        if let executionName, !Validation.isExecutionName(executionName) {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(executionName)' at 'durableExecutionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+")
        }
        let tenantId = request.headers[HTTPField.Name("X-Amz-Tenant-Id")!]
        // The qualifier is resolved once: an alias with a weighted second version picks one here.
        let resolved = try await engine.resolveFunction(reference.name, qualifier: qualifier)
        if invocationType == "DryRun" {
            return Response(status: .noContent)
        }
        if !resolved.configuration.isDurable {
            return try await invokePlain(reference.name, version: resolved.version, payload: payload, event: invocationType == "Event")
        }

        let started = try await engine.startExecution(StartExecutionRequest(
            functionName: reference.name, qualifier: resolved.version, executionName: executionName,
            inputPayload: payload, tenantId: tenantId,
            traceHeader: request.headers[HTTPField.Name("X-Amzn-Trace-Id")!]))
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Amz-Durable-Execution-Arn")!] = started.executionArn
        headers[HTTPField.Name("X-Amz-Executed-Version")!] = started.record.executedVersion
        if invocationType == "Event" {
            return Response(status: .accepted, headers: headers)
        }

        let description = try await waitForCompletion(started.executionArn)
        headers[.contentType] = "application/json"
        switch description.status {
        case .succeeded:
            let result = description.result ?? "null"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: result.isEmpty ? "null" : result)))
        case .running:
            // The synchronous wait ran out while the execution goes on, as Lambda's 15-minute cap does.
            var error = ErrorObject(errorType: "Sandbox.Timedout", errorMessage: "Task timed out waiting for the durable execution to finish; it continues running")
            error.errorData = started.executionArn
            headers[HTTPField.Name("X-Amz-Function-Error")!] = "Unhandled"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(FunctionErrorBody(error)))))
        default:
            headers[HTTPField.Name("X-Amz-Function-Error")!] = "Unhandled"
            let body = FunctionErrorBody(description.error ?? ErrorObject(errorType: description.status.rawValue, errorMessage: "Execution ended \(description.status.rawValue)"))
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(body))))
        }
    }

    /// `Invoke` of a plain function: `RequestResponse` answers its payload (or its error with
    /// `X-Amz-Function-Error: Unhandled`), `Event` queues it and answers 202.
    func invokePlain(_ name: String, version: String, payload: String, event: Bool) async throws -> Response {
        var headers = HTTPFields()
        headers[HTTPField.Name("X-Amz-Executed-Version")!] = version
        if event {
            _ = try await engine.enqueuePlainEvent(name, qualifier: version, payload: payload)
            return Response(status: .accepted, headers: headers)
        }
        let (_, result) = try await engine.invokePlainFunction(name, qualifier: version, payload: payload)
        headers[.contentType] = "application/json"
        switch result {
        case .success(let body):
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        case .failure(let error):
            headers[HTTPField.Name("X-Amz-Function-Error")!] = "Unhandled"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(FunctionErrorBody(error)))))
        }
    }

    func waitForCompletion(_ arn: String) async throws -> GetDurableExecutionResponse {
        let timeout = synchronousInvokeTimeout
        return try await withThrowingTaskGroup(of: GetDurableExecutionResponse?.self) { group in
            group.addTask { try await Self.wire(engine.waitForCompletion(executionArn: arn)) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            if let first = try await group.next(), let done = first { return done }
            return try await Self.wire(engine.describeExecution(executionArn: arn))
        }
    }

    // MARK: Executions

    func listExecutions(_ request: Request, function: String) async throws -> Response {
        guard let decoded = function.removingPercentEncoding, let reference = FunctionReference(decoded) else {
            throw DurableServiceError.invalidParameter("Invalid function name '\(function)'")
        }
        guard try await engine.functionExists(reference.name) else { throw engine.functionNotFoundError(reference.name) }
        let query = request.uri.queryParameters
        var qualifier = query.get("Qualifier") ?? reference.qualifier
        if let alias = qualifier, alias != "$LATEST", !alias.allSatisfy(\.isNumber) {
            // Executions record the version an alias (or $LATEST.PUBLISHED) resolved to when they started.
            qualifier = alias == "$LATEST.PUBLISHED"
                ? try await engine.resolveFunction(reference.name, qualifier: alias).version
                : try await engine.getAlias(functionName: reference.name, name: alias).functionVersion
        }
        var statuses: [ExecutionStatus] = []
        for raw in query.getAll("Statuses") {
            guard let status = ExecutionStatus(rawValue: raw) else {
                throw DurableServiceError.invalidParameter("Invalid status '\(raw)'; expected one of RUNNING, SUCCEEDED, FAILED, TIMED_OUT, STOPPED")
            }
            statuses.append(status)
        }
        guard statuses.count <= 10 else { throw DurableServiceError.invalidParameter("Statuses accepts at most 10 values") }
        if let name = query.get("DurableExecutionName"), !Validation.isExecutionName(name) {
            throw DurableServiceError.invalidParameter("Invalid DurableExecutionName '\(name)'")
        }
        let page = try await engine.listExecutions(ExecutionListQuery(
            functionName: reference.name,
            qualifier: qualifier,
            executionName: query.get("DurableExecutionName"),
            statuses: statuses,
            startedAfter: try Self.timestamp(query.get("StartedAfter"), "StartedAfter"),
            startedBefore: try Self.timestamp(query.get("StartedBefore"), "StartedBefore"),
            reverseOrder: try Self.bool(query.get("ReverseOrder"), "ReverseOrder") ?? false,
            marker: query.get("Marker"),
            maxItems: try Self.maxItems(query.get("MaxItems"))))
        return try Self.json(page)
    }

    func executionRoute(_ request: Request) async throws -> Response {
        let prefix = "/2025-12-01/durable-executions/"
        let raw = String(request.uri.path.dropFirst(prefix.count))
        guard let decoded = raw.removingPercentEncoding else { throw DurableServiceError.invalidParameter("Malformed percent-encoding in the execution ARN") }
        let suffixes = ["history", "state", "checkpoint", "stop"]
        var action = ""
        var arnText = decoded
        if DurableExecutionARN(decoded) == nil, let slash = decoded.lastIndex(of: "/"), suffixes.contains(String(decoded[decoded.index(after: slash)...])) {
            action = String(decoded[decoded.index(after: slash)...])
            arnText = String(decoded[..<slash])
        }
        guard DurableExecutionARN(arnText) != nil else {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(arnText)' at 'durableExecutionArn' failed to satisfy constraint: Member must satisfy regular expression pattern")
        }
        switch (request.method, action) {
        case (.get, ""):
            return try Self.json(Self.wire(try await engine.describeExecution(executionArn: arnText)))
        case (.get, "history"):
            let q = request.uri.queryParameters
            let page = try await engine.history(
                executionArn: arnText,
                includeExecutionData: try Self.bool(q.get("IncludeExecutionData"), "IncludeExecutionData") ?? true,
                reverseOrder: try Self.bool(q.get("ReverseOrder"), "ReverseOrder") ?? false,
                marker: q.get("Marker"), maxItems: try Self.maxItems(q.get("MaxItems")))
            return try Self.json(page)
        case (.get, "state"):
            let q = request.uri.queryParameters
            guard let token = q.get("CheckpointToken") else { throw DurableServiceError.invalidParameter("CheckpointToken is required") }
            let page = try await engine.executionState(
                executionArn: arnText, checkpointToken: token, marker: q.get("Marker"), maxItems: try Self.maxItems(q.get("MaxItems")))
            return try Self.json(page)
        case (.post, "checkpoint"):
            var request = request
            let body = try await Self.collect(&request, upTo: 8 * 1024 * 1024)
            let checkpoint: CheckpointRequest = try Self.decode(body)
            return try Self.json(try await engine.checkpoint(executionArn: arnText, request: checkpoint))
        case (.post, "stop"):
            var request = request
            let body = try await Self.collect(&request, upTo: 64 * 1024)
            let error: ErrorObject? = body.readableBytes == 0 ? nil : try Self.decode(body)
            let stopped = try await engine.stopExecution(executionArn: arnText, error: error)
            return try Self.json(StopDurableExecutionResponse(stopTimestamp: stopped))
        default:
            throw HTTPError(.notFound)
        }
    }

    // MARK: Logs

    func logsRoute(_ request: Request) async throws -> Response {
        let prefix = "/durable/2025-12-01/durable-executions/"
        let raw = String(request.uri.path.dropFirst(prefix.count))
        guard let decoded = raw.removingPercentEncoding else { throw DurableServiceError.invalidParameter("Malformed percent-encoding in the execution ARN") }
        guard decoded.hasSuffix("/logs") else { throw HTTPError(.notFound) }
        let arnText = String(decoded.dropLast("/logs".count))
        guard DurableExecutionARN(arnText) != nil else {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(arnText)' at 'durableExecutionArn' failed to satisfy constraint: Member must satisfy regular expression pattern")
        }
        if request.method == .post {
            var request = request
            let body = try await Self.collect(&request, upTo: AppendExecutionLogsRequest.maxBodyBytes)
            let append: AppendExecutionLogsRequest = try Self.decode(body)
            try await engine.appendInvocationLogs(executionArn: arnText, request: append)
            return try Self.json([String: String]())
        }
        let q = request.uri.queryParameters
        let page = try await engine.executionLogs(executionArn: arnText, marker: q.get("Marker"), maxItems: try Self.maxItems(q.get("MaxItems")))
        return try Self.json(page)
    }

    // MARK: Callbacks

    func callbackRoute(_ request: Request) async throws -> Response {
        let prefix = "/2025-12-01/durable-execution-callbacks/"
        let raw = String(request.uri.path.dropFirst(prefix.count))
        guard let slash = raw.lastIndex(of: "/") else { throw HTTPError(.notFound) }
        let action = String(raw[raw.index(after: slash)...])
        guard let callbackId = String(raw[..<slash]).removingPercentEncoding else {
            throw DurableServiceError.invalidParameter("Malformed percent-encoding in the callback id")
        }
        guard Validation.isBase64Token(callbackId, maxLength: 1024) else {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value at 'callbackId' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9+/]+={0,2}")
        }
        var request = request
        switch action {
        case "succeed":
            let body = try await Self.collect(&request, upTo: DurableLimits.maxCallbackResultBytes)
            let result: String? = body.readableBytes == 0 ? nil : String(buffer: body)
            try await engine.sendCallbackSuccess(callbackId: callbackId, result: result)
        case "fail":
            let body = try await Self.collect(&request, upTo: 64 * 1024)
            let error: ErrorObject? = body.readableBytes == 0 ? nil : try Self.decode(body)
            try await engine.sendCallbackFailure(callbackId: callbackId, error: error)
        case "heartbeat":
            try await engine.sendCallbackHeartbeat(callbackId: callbackId)
        default:
            throw HTTPError(.notFound)
        }
        return try Self.json([String: String]())
    }

    // MARK: Helpers

    static func wire(_ d: ExecutionDescription) -> GetDurableExecutionResponse {
        d.wireResponse
    }

    static func collect(_ request: inout Request, upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw DurableServiceError.requestTooLarge("Request must be smaller than \(limit) bytes")
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw DurableServiceError.requestTooLarge("Request must be smaller than \(limit) bytes")
        }
    }

    static func decode<T: Decodable>(_ buffer: ByteBuffer) throws -> T {
        do {
            return try DurableJSON.decoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw DurableServiceError.invalidParameter("Could not parse request body: \(Self.describe(error))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing required member \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            (c.codingPath.map(\.stringValue).joined(separator: ".") + " " + c.debugDescription).trimmingCharacters(in: .whitespaces)
        @unknown default: "malformed JSON"
        }
    }

    static func json(_ value: some Encodable) throws -> Response {
        let data = try DurableJSON.encoder(.seconds).encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func bool(_ text: String?, _ name: String) throws -> Bool? {
        guard let text else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw DurableServiceError.invalidParameter("\(name) must be true or false")
        }
    }

    static func maxItems(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), (0...DurableLimits.maxPageSize).contains(value) else {
            throw DurableServiceError.invalidParameter("MaxItems must be an integer from 0 to \(DurableLimits.maxPageSize)")
        }
        return value
    }

    static func timestamp(_ text: String?, _ name: String) throws -> Date? {
        guard let text else { return nil }
        if let date = DurableJSON.parseISO8601(text) { return date }
        if let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        throw DurableServiceError.invalidParameter("\(name) must be an ISO-8601 timestamp")
    }
}
