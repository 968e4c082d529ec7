import AsyncHTTPClient
import DurableModel
import Foundation
import NIOCore
import NIOHTTP1

/// The worker's side of the Lambda Runtime API for one function: take the next invocation, answer it.
struct RuntimeAPIClient: Sendable {
    /// `http://HOST:PORT/<prefix>/2018-06-01/runtime`.
    let baseURL: String
    let http: HTTPClient
    let requestTimeout: Duration

    /// What posting an answer came to.
    enum Delivery: Sendable, Equatable {
        /// The service took it (202).
        case accepted
        /// The service refused it for good (4xx); posting again cannot help.
        case rejected(status: Int, body: String)
    }

    /// Blocks until the service hands out an invocation; nil when the poll ran `timeout` without one.
    func next(timeout: Duration) async throws -> RuntimeInvocation? {
        var request = HTTPClientRequest(url: baseURL + "/invocation/next")
        request.method = .GET
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: .nanoseconds(Self.nanoseconds(timeout)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            return nil
        }
        let body = try await response.body.collect(upTo: DurableLimits.maxSyncInvokePayloadBytes + 1024 * 1024)
        guard response.status == .ok else {
            throw DurableWorkerError(.runtimeAPI, "invocation/next answered \(response.status.code): \(String(buffer: body).prefix(256))")
        }
        guard let requestId = response.headers.first(name: "Lambda-Runtime-Aws-Request-Id"), !requestId.isEmpty else {
            throw DurableWorkerError(.malformedInvocation, "invocation/next answered without Lambda-Runtime-Aws-Request-Id")
        }
        // Without a usable deadline, the service's default invocation timeout applies.
        let deadline = response.headers.first(name: "Lambda-Runtime-Deadline-Ms").flatMap(Double.init)
            .map { Date(timeIntervalSince1970: $0 / 1000) } ?? Date().addingTimeInterval(900)
        return RuntimeInvocation(requestId: requestId, deadline: deadline,
                                 functionArn: response.headers.first(name: "Lambda-Runtime-Invoked-Function-Arn"),
                                 body: Data(body.readableBytesView))
    }

    /// Posts the handler's answer for `requestId`.
    func respond(requestId: String, body: Data) async throws -> Delivery {
        try await post("/invocation/\(RuntimeAddress.encode(requestId))/response", body: body, errorType: nil)
    }

    /// Posts the handler's error for `requestId` in Lambda's shape (`errorType`, `errorMessage`, `stackTrace`).
    func fail(requestId: String, error: ErrorObject) async throws -> Delivery {
        let document: [String: Any] = [
            "errorType": error.errorType ?? "Runtime.Unknown",
            "errorMessage": error.errorMessage ?? "",
            "stackTrace": error.stackTrace ?? [],
        ]
        let body = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
        return try await post("/invocation/\(RuntimeAddress.encode(requestId))/error", body: body, errorType: error.errorType)
    }

    private func post(_ path: String, body: Data, errorType: String?) async throws -> Delivery {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let errorType { request.headers.add(name: "Lambda-Runtime-Function-Error-Type", value: errorType) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await http.execute(request, timeout: .nanoseconds(Self.nanoseconds(requestTimeout)))
        let answer = try await response.body.collect(upTo: 64 * 1024)
        let status = Int(response.status.code)
        if (200..<300).contains(status) { return .accepted }
        if (400..<500).contains(status), status != 429 { return .rejected(status: status, body: String(buffer: answer)) }
        throw DurableWorkerError(.runtimeAPI, "\(path) answered \(status): \(String(buffer: answer).prefix(256))")
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
