import DurableModel

/// An error that chooses its own wire representation (`ErrorType`, `ErrorMessage`, `ErrorData`).
///
/// Errors that do not conform are converted with `ErrorType` = the Swift type name and
/// `ErrorMessage` = `String(describing:)` of the error.
public protocol DurableErrorConvertible: Error {
    /// The error as it should be checkpointed.
    var errorObject: ErrorObject { get }
}

extension ErrorObject: DurableErrorConvertible {
    /// The error object itself.
    public var errorObject: ErrorObject { self }
}
