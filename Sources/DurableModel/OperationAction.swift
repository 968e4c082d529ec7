/// What an `OperationUpdate` asks the service to do with an operation.
public enum OperationAction: String, Codable, Sendable, Hashable, CaseIterable {
    case start = "START"
    case succeed = "SUCCEED"
    case fail = "FAIL"
    case retry = "RETRY"
    case cancel = "CANCEL"
}
