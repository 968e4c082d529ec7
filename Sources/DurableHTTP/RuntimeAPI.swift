import DurableModel
import DurableServer
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The Lambda Runtime API (`/2018-06-01/runtime/...`) through which out-of-process workers, such as
/// the official `awslambdaric`, take invocations from a `WorkerInvoker` and answer them.
///
/// The Runtime API has no notion of a function name, since a Lambda sandbox serves one function.
/// Here a worker names its function in a path prefix: it is started with
/// `AWS_LAMBDA_RUNTIME_API=127.0.0.1:9000/functions/<name>`, which the runtime clients paste
/// verbatim into `http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/...`; a worker of a published
/// version adds `/versions/<N>` (awslambdaric's C
/// client, aws-lambda-cpp, does; only its Python `init/error` post splits host and port, so a
/// prefixed worker that fails to start exits without reporting why). The bare routes, without
/// the prefix, serve `defaultFunction` when one is set.
public struct RuntimeAPI: Sendable {
    /// The queue the workers drain.
    public let invoker: WorkerInvoker
    /// The function the unprefixed routes serve, if any.
    public var defaultFunction: String?
    /// The partition, region and account of the function ARN handed to workers.
    public var arnPrefix: String
    let logger: Logger
    let watch = ConnectionWatch()

    /// The largest response a worker may post (Lambda's synchronous response limit).
    static let maxResponseBytes = 6 * 1024 * 1024

    /// Creates the API over `invoker`; `configuration` supplies the partition, region and account of ARNs.
    public init(invoker: WorkerInvoker, configuration: EngineConfiguration, defaultFunction: String? = nil,
                logger: Logger = Logger(label: "durable.runtime")) {
        self.invoker = invoker
        self.defaultFunction = defaultFunction
        self.arnPrefix = "arn:\(configuration.partition):lambda:\(configuration.region):\(configuration.accountId):function:"
        self.logger = logger
    }

    /// Adds the Runtime API routes to `router`.
    public func addRoutes(to router: Router<DurableRequestContext>) {
        let prefixed = "/functions/:function/2018-06-01/runtime"
        router.get("\(prefixed)/invocation/next") { _, context in
            try await next(function: try context.parameters.require("function"), channel: context.channel)
        }
        // A worker of one published version: AWS_LAMBDA_RUNTIME_API=HOST:PORT/functions/NAME/versions/N.
        let versioned = "/functions/:function/versions/:version/2018-06-01/runtime"
        router.get("\(versioned)/invocation/next") { _, context in
            let version = try context.parameters.require("version")
            guard Self.isWorkerVersion(version) else {
                return Self.runtimeError(.badRequest, type: "InvalidVersion", message: "A worker serves $LATEST or a version number, not '\(version)'")
            }
            return try await next(function: try context.parameters.require("function"), version: version, channel: context.channel)
        }
        router.post("\(versioned)/invocation/:requestId/response") { request, context in
            try await respond(request, requestId: try context.parameters.require("requestId"))
        }
        router.post("\(versioned)/invocation/:requestId/error") { request, context in
            try await error(request, requestId: try context.parameters.require("requestId"))
        }
        router.post("\(versioned)/init/error") { request, context in
            try await initError(request, function: try context.parameters.require("function") + ":" + context.parameters.require("version"))
        }
        router.post("\(prefixed)/invocation/:requestId/response") { request, context in
            try await respond(request, requestId: try context.parameters.require("requestId"))
        }
        router.post("\(prefixed)/invocation/:requestId/error") { request, context in
            try await error(request, requestId: try context.parameters.require("requestId"))
        }
        router.post("\(prefixed)/init/error") { request, context in
            try await initError(request, function: try context.parameters.require("function"))
        }
        guard let defaultFunction else { return }
        router.get("/2018-06-01/runtime/invocation/next") { _, context in
            try await next(function: defaultFunction, channel: context.channel)
        }
        router.post("/2018-06-01/runtime/invocation/:requestId/response") { request, context in
            try await respond(request, requestId: try context.parameters.require("requestId"))
        }
        router.post("/2018-06-01/runtime/invocation/:requestId/error") { request, context in
            try await error(request, requestId: try context.parameters.require("requestId"))
        }
        router.post("/2018-06-01/runtime/init/error") { request, _ in
            try await initError(request, function: defaultFunction)
        }
    }

    // MARK: Routes

    /// `$LATEST` or digits: an alias would move under a running execution.
    static func isWorkerVersion(_ version: String) -> Bool {
        version == "$LATEST" || (!version.isEmpty && version.count <= 10 && version.allSatisfy(\.isNumber))
    }

    func next(function: String, version: String = "$LATEST", channel: any Channel) async throws -> Response {
        let invoker = invoker
        let job: WorkerJob
        do {
            // The long poll ends when a job arrives; it is cancelled when the worker's connection
            // closes, and on shutdown so the server can drain.
            job = try await watch.poll(on: channel) {
                try await cancelWhenGracefulShutdown { try await invoker.next(functionName: function, version: version) }
            }
        } catch is CancellationError {
            return Self.runtimeError(.serviceUnavailable, type: "ServiceUnavailable", message: "The service is shutting down")
        }
        guard channel.isActive else {
            // The worker left just as the job reached it: the job goes back to the front of the line.
            invoker.requeue(job)
            return Self.runtimeError(.serviceUnavailable, type: "ServiceUnavailable", message: "The connection closed")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[Self.requestIdHeader] = job.requestId
        headers[Self.deadlineHeader] = String(Int64((job.deadline.timeIntervalSince1970 * 1000).rounded()))
        headers[Self.functionArnHeader] = arnPrefix + job.functionName + ":" + job.version
        headers[Self.traceIdHeader] = Self.makeTraceId()
        if let tenant = job.tenantId { headers[Self.tenantHeader] = tenant }
        logger.debug("handed invocation to a worker", metadata: ["function": "\(function)", "requestId": "\(job.requestId)"])
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: job.payload)))
    }

    func respond(_ request: Request, requestId: String) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maxResponseBytes)
        } catch {
            // As Lambda does, an oversized response fails the invocation instead of leaving it to time out.
            invoker.fail(requestId: requestId, error: ErrorObject(
                errorType: "Function.ResponseSizeTooLarge",
                errorMessage: "Response payload size exceeded maximum allowed payload size (\(Self.maxResponseBytes) bytes)."))
            return Self.runtimeError(.contentTooLarge, type: "RequestEntityTooLarge", message: "Response payload too large")
        }
        return answer(invoker.respond(requestId: requestId, body: String(buffer: body)), requestId: requestId)
    }

    func error(_ request: Request, requestId: String) async throws -> Response {
        var request = request
        let body = (try? await request.collectBody(upTo: Self.maxResponseBytes)) ?? ByteBuffer()
        let error = Self.errorObject(body: body, typeHeader: request.headers[Self.errorTypeHeader])
        return answer(invoker.fail(requestId: requestId, error: error), requestId: requestId)
    }

    func initError(_ request: Request, function: String) async throws -> Response {
        var request = request
        let body = (try? await request.collectBody(upTo: Self.maxResponseBytes)) ?? ByteBuffer()
        let error = Self.errorObject(body: body, typeHeader: request.headers[Self.errorTypeHeader])
        // A worker that cannot start takes no job, so the queued invocations wait for a healthy one.
        logger.error("a worker failed to initialize", metadata: [
            "function": "\(function)", "errorType": "\(error.errorType ?? "")", "errorMessage": "\(error.errorMessage ?? "")",
        ])
        return Self.accepted()
    }

    func answer(_ outcome: WorkerAnswer, requestId: String) -> Response {
        switch outcome {
        case .accepted:
            return Self.accepted()
        case .late:
            // Accepted and dropped: the invocation already timed out, and a 4xx would crash the worker.
            logger.notice("dropped a late worker answer", metadata: ["requestId": "\(requestId)"])
            return Self.accepted()
        case .unknown:
            return Self.runtimeError(.badRequest, type: "InvalidRequestID", message: "Invalid request ID: \(requestId)")
        }
    }

    // MARK: Helpers

    static let requestIdHeader = HTTPField.Name("Lambda-Runtime-Aws-Request-Id")!
    static let deadlineHeader = HTTPField.Name("Lambda-Runtime-Deadline-Ms")!
    static let functionArnHeader = HTTPField.Name("Lambda-Runtime-Invoked-Function-Arn")!
    static let traceIdHeader = HTTPField.Name("Lambda-Runtime-Trace-Id")!
    static let tenantHeader = HTTPField.Name("Lambda-Runtime-Aws-Tenant-Id")!
    static let errorTypeHeader = HTTPField.Name("Lambda-Runtime-Function-Error-Type")!

    /// The worker's error document (`errorType`, `errorMessage`, `stackTrace`) as a wire error.
    static func errorObject(body: ByteBuffer, typeHeader: String?) -> ErrorObject {
        let json = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
        let stack = (json["stackTrace"] as? [Any])?.map { "\($0)" }
        return ErrorObject(errorType: json["errorType"] as? String ?? typeHeader ?? "Runtime.Unknown",
                           errorMessage: json["errorMessage"] as? String ?? (json.isEmpty ? String(buffer: body) : nil),
                           stackTrace: stack.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// An X-Ray style trace header: `Root=1-<epoch hex>-<96 random bits>;Sampled=0`.
    static func makeTraceId() -> String {
        let epoch = String(Int(Date().timeIntervalSince1970), radix: 16)
        let random = (0..<24).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
        return "Root=1-\(epoch)-\(random);Sampled=0"
    }

    static func accepted() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .accepted, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"OK"}"#)))
    }

    static func runtimeError(_ status: HTTPResponse.Status, type: String, message: String) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: ["errorType": type, "errorMessage": message], options: [.sortedKeys])) ?? Data()
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
