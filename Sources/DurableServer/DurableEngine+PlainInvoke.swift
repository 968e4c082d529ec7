import DurableModel

extension DurableEngine {
    /// `Invoke` (`RequestResponse`) of a plain function: resolves the qualifier and runs that version once.
    public func invokePlainFunction(_ name: String, qualifier: String?, payload: String) async throws -> (version: String, result: Result<String, ErrorObject>) {
        let resolved = try await resolveFunction(name, qualifier: qualifier)
        guard !resolved.configuration.isDurable else {
            throw DurableServiceError.invalidParameter("Function \(name) is durable; start an execution instead")
        }
        do {
            return (resolved.version, .success(try await invokePlain(functionName: name, version: resolved.version, payload: payload)))
        } catch {
            return (resolved.version, .failure(ErrorObject.describing(error)))
        }
    }

    /// `Invoke` (`Event`) of a plain function: resolves the qualifier and queues one run of that version.
    public func enqueuePlainEvent(_ name: String, qualifier: String?, payload: String) async throws -> String {
        let resolved = try await resolveFunction(name, qualifier: qualifier)
        guard !resolved.configuration.isDurable else {
            throw DurableServiceError.invalidParameter("Function \(name) is durable; start an execution instead")
        }
        enqueue(.plainEvent(functionName: name, version: resolved.version, payload: payload))
        return resolved.version
    }

    func runPlainEvent(functionName: String, version: String, payload: String) async {
        do {
            _ = try await invokePlain(functionName: functionName, version: version, payload: payload)
        } catch {
            // As with Lambda's asynchronous invokes without a destination, the failure is only logged.
            logger.notice("asynchronous invoke failed", metadata: ["function": "\(functionName):\(version)", "error": "\(error)"])
        }
    }

    /// Runs one version of a plain function through the invoker, bounded by that version's `Timeout`.
    func invokePlain(functionName: String, version: String, payload: String) async throws -> String {
        guard let versioned = invoker as? any VersionedFunctionInvoker else {
            return try await invoker.invokePlain(functionName: functionName, payload: payload)
        }
        let seconds = try? await resolveFunction(functionName, qualifier: version).configuration.invocationTimeoutSeconds
        return try await versioned.invokePlain(functionName: functionName, version: version,
                                               timeout: seconds.map { .seconds($0) }, payload: payload)
    }
}
