import DurableModel
import Logging

/// An allocated operation: its ids, identity and the record found in the log.
struct OperationSlot: Sendable {
    let id: String
    let logicalId: String
    let parentId: String?
    let name: String?
    let type: OperationType
    let subType: String
    let record: Operation?

    /// An update for this operation.
    func update(
        _ action: OperationAction, payload: String? = nil, error: ErrorObject? = nil, contextOptions: ContextOptions? = nil,
        stepOptions: StepOptions? = nil, waitOptions: WaitOptions? = nil, callbackOptions: CallbackOptions? = nil,
        chainedInvokeOptions: ChainedInvokeOptions? = nil
    ) -> OperationUpdate {
        OperationUpdate(
            id: id, parentId: parentId, name: name, type: type, subType: subType, action: action, payload: payload, error: error,
            contextOptions: contextOptions, stepOptions: stepOptions, waitOptions: waitOptions, callbackOptions: callbackOptions,
            chainedInvokeOptions: chainedInvokeOptions)
    }

    /// The plugin view.
    func info(logger: Logger) -> OperationInfo { OperationInfo(operationId: id, type: type, subType: subType, name: name, logger: logger) }

    /// A message naming expected and actual when `record` is not what the code does now.
    func mismatch(with record: Operation) -> String? {
        guard record.type != type || record.subType != subType || record.name != name || record.parentId != parentId else { return nil }
        func describe(_ type: OperationType, _ subType: String?, _ name: String?, _ parent: String?) -> String {
            "\(type.rawValue)/\(subType ?? "-") named \(name.map { "'\($0)'" } ?? "(none)") under parent \(parent ?? "(root)")"
        }
        return "Non-deterministic execution at operation \(id) (position \(logicalId)): the log has "
            + describe(record.type, record.subType, record.name, record.parentId)
            + " but the code now runs " + describe(type, subType, name, parentId)
    }
}
