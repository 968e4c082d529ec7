/// An error as it travels on the wire: type, message, data and stack trace, all optional.
public struct ErrorObject: Codable, Sendable, Hashable, Error {
    /// The error's type, for example `StepError` or `Callback.Timeout`.
    public var errorType: String?
    /// A human-readable message.
    public var errorMessage: String?
    /// Free-form data the producer attached (often JSON text).
    public var errorData: String?
    /// Stack frames, outermost first.
    public var stackTrace: [String]?

    /// Creates an error object.
    public init(errorType: String? = nil, errorMessage: String? = nil, errorData: String? = nil, stackTrace: [String]? = nil) {
        self.errorType = errorType
        self.errorMessage = errorMessage
        self.errorData = errorData
        self.stackTrace = stackTrace
    }

    enum CodingKeys: String, CodingKey {
        case errorType = "ErrorType"
        case errorMessage = "ErrorMessage"
        case errorData = "ErrorData"
        case stackTrace = "StackTrace"
    }
}
