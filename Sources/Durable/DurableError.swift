import DurableModel

/// An error the SDK surfaces to workflow code: a stable code plus the wire `ErrorObject`.
///
/// Errors built from checkpointed records are rehydrated from the stored `ErrorObject`, so the first
/// run and every replay see the identical value.
public struct DurableError: Error, Sendable, Hashable, CustomStringConvertible, DurableErrorConvertible {
    /// What went wrong, as a stable code.
    public var code: Code
    /// The wire error: type, message, data, stack trace.
    public var errorObject: ErrorObject

    /// Creates an error with an explicit error object.
    public init(code: Code, errorObject: ErrorObject) {
        self.code = code
        self.errorObject = errorObject
    }

    /// Creates an error whose `ErrorType` is the code's default type name.
    public init(code: Code, message: String, data: String? = nil) {
        self.init(code: code, errorObject: ErrorObject(errorType: code.defaultErrorType, errorMessage: message, errorData: data))
    }

    /// The error message, if any.
    public var message: String? { errorObject.errorMessage }
    /// The error type, if any.
    public var errorType: String? { errorObject.errorType }

    /// `code: type: message`.
    public var description: String {
        "DurableError(\(code.rawValue)): \(errorObject.errorType ?? "Error"): \(errorObject.errorMessage ?? "")"
    }

    /// A stable error code; a struct so new codes do not break exhaustive switches.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code's text.
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code's text.
        public var description: String { rawValue }

        /// A step failed after its retry strategy gave up.
        public static let stepFailed = Code(rawValue: "stepFailed")
        /// An at-most-once step attempt was interrupted (fed into the retry strategy).
        public static let stepInterrupted = Code(rawValue: "stepInterrupted")
        /// A callback was completed with a failure.
        public static let callbackFailed = Code(rawValue: "callbackFailed")
        /// A callback timed out (overall or heartbeat).
        public static let callbackTimedOut = Code(rawValue: "callbackTimedOut")
        /// A chained invoke failed, timed out or was stopped.
        public static let invokeFailed = Code(rawValue: "invokeFailed")
        /// A child context failed.
        public static let childContextFailed = Code(rawValue: "childContextFailed")
        /// A wait-for-condition check failed or ran out of attempts.
        public static let waitForConditionFailed = Code(rawValue: "waitForConditionFailed")
        /// The code no longer issues the operations the log recorded.
        public static let nonDeterministicExecution = Code(rawValue: "nonDeterministicExecution")
        /// A payload could not be serialized or deserialized.
        public static let serialization = Code(rawValue: "serialization")
        /// An argument is out of range (durations, concurrency, names).
        public static let invalidArgument = Code(rawValue: "invalidArgument")
        /// `BatchResult.throwIfError()` found a failed item.
        public static let batchFailed = Code(rawValue: "batchFailed")
        /// The service rejected a checkpoint in a way that fails the execution.
        public static let checkpointFailed = Code(rawValue: "checkpointFailed")
        /// The invocation event is malformed (no execution operation, bad input).
        public static let invalidInvocation = Code(rawValue: "invalidInvocation")

        /// The `ErrorType` the SDK writes for errors it creates itself.
        var defaultErrorType: String {
            switch self {
            case .stepFailed: "StepError"
            case .stepInterrupted: "StepInterruptedError"
            case .callbackFailed: "CallbackError"
            case .callbackTimedOut: "CallbackTimeoutError"
            case .invokeFailed: "InvokeError"
            case .childContextFailed: "ChildContextError"
            case .waitForConditionFailed: "WaitForConditionError"
            case .nonDeterministicExecution: "NonDeterministicExecutionError"
            case .serialization: "SerializationError"
            case .invalidArgument: "InvalidArgumentError"
            case .batchFailed: "BatchCompletionError"
            case .checkpointFailed: "CheckpointError"
            case .invalidInvocation: "InvalidInvocationError"
            default: "DurableError"
            }
        }
    }
}
