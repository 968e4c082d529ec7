import DurableModel
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error a route throws into the AWS error answer: status, `X-Amzn-ErrorType`, JSON body.
///
/// botocore and the JS v3 client read the error code from `X-Amzn-ErrorType`; the body member is
/// `message` for the exceptions whose model spells it so (InvalidParameterValueException,
/// TooManyRequestsException) and `Message` for the rest. Nothing escapes as a bare 500.
struct AWSErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DurableServiceError {
            return Self.response(for: error)
        } catch let error as HTTPError where error.status == .notFound {
            return Self.response(for: DurableServiceError(
                type: "UnknownOperationException", message: "Unknown operation \(request.method) \(request.uri.path)", statusCode: 404))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return Self.response(for: .requestTooLarge("Request must be smaller than the payload limit"))
        } catch let error as HTTPError where error.status == .methodNotAllowed {
            return Self.response(for: DurableServiceError(
                type: "UnknownOperationException", message: "Unknown operation \(request.method) \(request.uri.path)", statusCode: 405))
        } catch {
            logger.error("unexpected error answering \(request.method) \(request.uri.path): \(error)")
            return Self.response(for: .service("Internal error: \(error)"))
        }
    }

    /// The answer for one service error.
    static func response(for error: DurableServiceError) -> Response {
        let lowercaseMessage: Set<String> = ["InvalidParameterValueException", "TooManyRequestsException", "InvalidRequestContentException", "RequestTooLargeException",
                                              "ResourceConflictException", "PreconditionFailedException"]
        let messageKey = lowercaseMessage.contains(error.type) ? "message" : "Message"
        let body: [String: String] = ["Type": error.statusCode >= 500 ? "Service" : "User", messageKey: error.message]
        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data("{}".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[HTTPField.Name("X-Amzn-ErrorType")!] = error.type
        if error.statusCode == 429 { headers[.retryAfter] = "1" }
        return Response(
            status: HTTPResponse.Status(code: error.statusCode), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
