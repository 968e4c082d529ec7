import Foundation

/// One invocation taken from `GET …/runtime/invocation/next`.
struct RuntimeInvocation: Sendable {
    /// `Lambda-Runtime-Aws-Request-Id`: the id the answer is posted under.
    var requestId: String
    /// `Lambda-Runtime-Deadline-Ms`: when the service gives up on the answer.
    var deadline: Date
    /// `Lambda-Runtime-Invoked-Function-Arn`.
    var functionArn: String?
    /// The event.
    var body: Data
}
