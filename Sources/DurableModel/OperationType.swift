/// The kind of a durable operation, as the AWS wire model spells it.
public enum OperationType: String, Codable, Sendable, Hashable, CaseIterable {
    case execution = "EXECUTION"
    case context = "CONTEXT"
    case step = "STEP"
    case wait = "WAIT"
    case callback = "CALLBACK"
    case chainedInvoke = "CHAINED_INVOKE"
}
