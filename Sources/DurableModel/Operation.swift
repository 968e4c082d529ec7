import Foundation

/// One durable operation as the service records it (the AWS `Operation` shape).
public struct Operation: Codable, Sendable, Hashable, Identifiable {
    /// The operation id, chosen deterministically by the SDK.
    public var id: String
    /// The id of the enclosing CONTEXT operation, absent at the root.
    public var parentId: String?
    /// The user-supplied name.
    public var name: String?
    /// The operation's type.
    public var type: OperationType
    /// The SDK-level refinement of the type, for example `Step` or `MapIteration`.
    public var subType: String?
    /// When the operation started.
    public var startTimestamp: Date
    /// When the operation reached a terminal status.
    public var endTimestamp: Date?
    /// The operation's status.
    public var status: OperationStatus
    /// Present on the EXECUTION operation.
    public var executionDetails: ExecutionDetails?
    /// Present on CONTEXT operations.
    public var contextDetails: ContextDetails?
    /// Present on STEP operations.
    public var stepDetails: StepDetails?
    /// Present on WAIT operations.
    public var waitDetails: WaitDetails?
    /// Present on CALLBACK operations.
    public var callbackDetails: CallbackDetails?
    /// Present on CHAINED_INVOKE operations.
    public var chainedInvokeDetails: ChainedInvokeDetails?

    /// Creates an operation.
    public init(
        id: String, parentId: String? = nil, name: String? = nil, type: OperationType, subType: String? = nil,
        startTimestamp: Date, endTimestamp: Date? = nil, status: OperationStatus,
        executionDetails: ExecutionDetails? = nil, contextDetails: ContextDetails? = nil,
        stepDetails: StepDetails? = nil, waitDetails: WaitDetails? = nil,
        callbackDetails: CallbackDetails? = nil, chainedInvokeDetails: ChainedInvokeDetails? = nil
    ) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.type = type
        self.subType = subType
        self.startTimestamp = startTimestamp
        self.endTimestamp = endTimestamp
        self.status = status
        self.executionDetails = executionDetails
        self.contextDetails = contextDetails
        self.stepDetails = stepDetails
        self.waitDetails = waitDetails
        self.callbackDetails = callbackDetails
        self.chainedInvokeDetails = chainedInvokeDetails
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", parentId = "ParentId", name = "Name", type = "Type", subType = "SubType"
        case startTimestamp = "StartTimestamp", endTimestamp = "EndTimestamp", status = "Status"
        case executionDetails = "ExecutionDetails", contextDetails = "ContextDetails", stepDetails = "StepDetails"
        case waitDetails = "WaitDetails", callbackDetails = "CallbackDetails", chainedInvokeDetails = "ChainedInvokeDetails"
    }
}
