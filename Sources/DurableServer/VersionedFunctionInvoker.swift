/// An invoker that runs a given published version of a plain function (workers serve one version each).
public protocol VersionedFunctionInvoker: FunctionInvoker {
    /// Runs version `version` (`$LATEST` or a number) of a plain function once, within `timeout`
    /// (the version's `Timeout`; nil: the invoker's default), and returns its response body.
    func invokePlain(functionName: String, version: String, timeout: Duration?, payload: String) async throws -> String
}
