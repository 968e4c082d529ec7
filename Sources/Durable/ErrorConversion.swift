import DurableModel

/// Converts any error to the wire form, within the protocol's 32 KiB error budget.
enum ErrorConversion {
    /// The wire form of `error`.
    static func errorObject(from error: any Error) -> ErrorObject {
        let object: ErrorObject
        if let convertible = error as? any DurableErrorConvertible {
            object = convertible.errorObject
        } else {
            object = ErrorObject(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
        return fitted(object)
    }

    /// Trims stack trace, data and message until the JSON fits `DurableLimits.maxErrorBytes`,
    /// because the service rejects the whole checkpoint batch for one oversized error.
    static func fitted(_ object: ErrorObject) -> ErrorObject {
        var object = object
        let budget = DurableLimits.maxErrorBytes - 512
        func size(_ o: ErrorObject) -> Int { (try? DurableJSON.string(o).utf8.count) ?? 0 }
        if size(object) <= budget { return object }
        object.stackTrace = nil
        if size(object) <= budget { return object }
        if let data = object.errorData { object.errorData = String(decoding: data.utf8.prefix(budget / 2), as: UTF8.self) }
        if size(object) <= budget { return object }
        if let message = object.errorMessage { object.errorMessage = String(decoding: message.utf8.prefix(budget / 4), as: UTF8.self) }
        if size(object) > budget { object.errorData = nil }
        return object
    }
}
