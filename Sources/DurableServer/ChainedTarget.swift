/// A resolved chained-invoke target.
public enum ChainedTarget: Sendable, Hashable {
    /// A durable function: the engine starts a child execution.
    case durable(functionName: String, qualifier: String, executionTimeoutSeconds: Int)
    /// A plain function version: the engine invokes it once through `FunctionInvoker.invokePlain`.
    case plain(functionName: String, version: String = "$LATEST")

    /// The target's function name.
    public var functionName: String {
        switch self {
        case .durable(let name, _, _), .plain(let name, _): name
        }
    }
}
