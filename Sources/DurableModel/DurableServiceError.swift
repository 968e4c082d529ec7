/// An error the durable service answers with: the AWS exception name, its HTTP status and a message.
public struct DurableServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The AWS exception name, sent as `X-Amzn-ErrorType`.
    public var type: String
    /// The human-readable message.
    public var message: String
    /// The HTTP status code.
    public var statusCode: Int

    /// Creates an error.
    public init(type: String, message: String, statusCode: Int) {
        self.type = type
        self.message = message
        self.statusCode = statusCode
    }

    public var description: String { "\(type): \(message)" }

    /// 400 `InvalidParameterValueException`.
    public static func invalidParameter(_ message: String) -> Self {
        .init(type: "InvalidParameterValueException", message: message, statusCode: 400)
    }
    /// 404 `ResourceNotFoundException`.
    public static func notFound(_ message: String) -> Self {
        .init(type: "ResourceNotFoundException", message: message, statusCode: 404)
    }
    /// 400 `CallbackTimeoutException`: the callback is unknown, expired or already closed.
    public static func callbackTimeout(_ message: String) -> Self {
        .init(type: "CallbackTimeoutException", message: message, statusCode: 400)
    }
    /// 409 `DurableExecutionAlreadyStartedException`.
    public static func alreadyStarted(_ message: String) -> Self {
        .init(type: "DurableExecutionAlreadyStartedException", message: message, statusCode: 409)
    }
    /// 409 `ResourceConflictException`: the resource exists already or is in use.
    public static func conflict(_ message: String) -> Self {
        .init(type: "ResourceConflictException", message: message, statusCode: 409)
    }
    /// 412 `PreconditionFailedException`: a `RevisionId` no longer matches.
    public static func preconditionFailed(_ message: String) -> Self {
        .init(type: "PreconditionFailedException", message: message, statusCode: 412)
    }
    /// 429 `TooManyRequestsException`.
    public static func tooManyRequests(_ message: String) -> Self {
        .init(type: "TooManyRequestsException", message: message, statusCode: 429)
    }
    /// 500 `ServiceException`.
    public static func service(_ message: String) -> Self {
        .init(type: "ServiceException", message: message, statusCode: 500)
    }
    /// 413 `RequestTooLargeException`.
    public static func requestTooLarge(_ message: String) -> Self {
        .init(type: "RequestTooLargeException", message: message, statusCode: 413)
    }

    /// The message every stale, forged or superseded checkpoint token gets.
    public static let invalidCheckpointTokenMessage = "Invalid checkpoint token"

    /// Whether this is the retryable "Invalid checkpoint token" error.
    public var isInvalidCheckpointToken: Bool {
        type == "InvalidParameterValueException" && message == Self.invalidCheckpointTokenMessage
    }
}
