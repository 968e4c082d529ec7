import Foundation

/// When one finished execution started and ended, as the service recorded it.
struct ExecutionTiming: Sendable {
    var arn: String
    var start: Date
    var end: Date
    var succeeded: Bool
}
