/// The retryable-error filter of the built-in strategies.
struct ErrorFilter: Sendable {
    var messages: [String]?
    var patterns: [String]?
    var types: [String]?
    var predicate: (@Sendable (any Error) -> Bool)?

    /// Whether `error` may be retried.
    func matches(_ error: any Error) -> Bool {
        if let predicate, !predicate(error) { return false }
        if messages == nil, patterns == nil, types == nil { return true }
        let object = ErrorConversion.errorObject(from: error)
        let message = object.errorMessage ?? ""
        if let messages, messages.contains(where: { message.contains($0) }) { return true }
        if let patterns {
            for pattern in patterns {
                if let regex = try? Regex(pattern), message.contains(regex) { return true }
            }
        }
        if let types, let type = object.errorType, types.contains(type) { return true }
        return false
    }
}
