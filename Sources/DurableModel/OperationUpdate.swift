/// One change the SDK asks the service to record (the AWS `OperationUpdate` shape).
public struct OperationUpdate: Codable, Sendable, Hashable {
    /// The operation id.
    public var id: String
    /// The enclosing CONTEXT operation's id.
    public var parentId: String?
    /// The user-supplied name.
    public var name: String?
    /// The operation's type.
    public var type: OperationType
    /// The operation's subtype.
    public var subType: String?
    /// What to do.
    public var action: OperationAction
    /// The serialized result or input.
    public var payload: String?
    /// The error, for `FAIL` and error-carrying `RETRY`.
    public var error: ErrorObject?
    /// CONTEXT options.
    public var contextOptions: ContextOptions?
    /// STEP options.
    public var stepOptions: StepOptions?
    /// WAIT options.
    public var waitOptions: WaitOptions?
    /// CALLBACK options.
    public var callbackOptions: CallbackOptions?
    /// CHAINED_INVOKE options.
    public var chainedInvokeOptions: ChainedInvokeOptions?

    /// Creates an update.
    public init(
        id: String, parentId: String? = nil, name: String? = nil, type: OperationType, subType: String? = nil,
        action: OperationAction, payload: String? = nil, error: ErrorObject? = nil,
        contextOptions: ContextOptions? = nil, stepOptions: StepOptions? = nil, waitOptions: WaitOptions? = nil,
        callbackOptions: CallbackOptions? = nil, chainedInvokeOptions: ChainedInvokeOptions? = nil
    ) {
        self.id = id
        self.parentId = parentId
        self.name = name
        self.type = type
        self.subType = subType
        self.action = action
        self.payload = payload
        self.error = error
        self.contextOptions = contextOptions
        self.stepOptions = stepOptions
        self.waitOptions = waitOptions
        self.callbackOptions = callbackOptions
        self.chainedInvokeOptions = chainedInvokeOptions
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", parentId = "ParentId", name = "Name", type = "Type", subType = "SubType", action = "Action"
        case payload = "Payload", error = "Error", contextOptions = "ContextOptions", stepOptions = "StepOptions"
        case waitOptions = "WaitOptions", callbackOptions = "CallbackOptions", chainedInvokeOptions = "ChainedInvokeOptions"
    }
}
