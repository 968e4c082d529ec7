import DurableModel

/// The error the batch requirements' failing branches and items throw.
enum BranchFailure {
    /// An `Error: <what> failed` error object.
    static func error(_ what: String) -> ErrorObject {
        ErrorObject(errorType: "Error", errorMessage: "\(what) failed")
    }
}
