import DurableModel
import Foundation
import Logging

/// Runs invocations of durable functions: loads the state, replays the workflow, checkpoints and
/// answers the service with `SUCCEEDED`, `FAILED` or `PENDING`.
public enum DurableRuntime {
    /// Runs one invocation of `function` for `input`, talking to the service through `client`.
    ///
    /// Never throws. Failures the service should retry (stale checkpoint token, 429, 5xx, transport
    /// errors) end the invocation with `PENDING` so the execution stays open; use `handler(for:)`
    /// or `invoke` to surface them as thrown errors instead (which makes the service re-invoke).
    /// Fatal checkpoint errors (other 4xx) end with `FAILED`.
    public static func handle<F: DurableFunction>(
        _ function: F, input: InvocationInput, client: any CheckpointClient, configuration: DurableRuntimeConfiguration = .init()
    ) async -> InvocationOutput {
        do {
            return try await invoke(function, input: input, client: client, configuration: configuration)
        } catch {
            return .pending
        }
    }

    /// The same as a closure the service can register.
    ///
    /// The closure throws for failures the service should retry by re-invoking.
    public static func handler<F: DurableFunction>(
        for function: F, configuration: DurableRuntimeConfiguration = .init()
    ) -> @Sendable (InvocationInput, any CheckpointClient) async throws -> InvocationOutput {
        { input, client in try await invoke(function, input: input, client: client, configuration: configuration) }
    }

    /// Runs one invocation, throwing the errors for which the service should retry the invocation.
    public static func invoke<F: DurableFunction>(
        _ function: F, input: InvocationInput, client: any CheckpointClient, configuration: DurableRuntimeConfiguration = .init()
    ) async throws -> InvocationOutput {
        guard !input.durableExecutionArn.isEmpty, !input.checkpointToken.isEmpty else {
            return failed(DurableError(code: .invalidInvocation, message: "The event has no DurableExecutionArn or CheckpointToken: durability is not configured"))
        }
        let operations: [Operation]
        do {
            operations = try await loadOperations(input, client: client, pageSize: configuration.statePageSize)
        } catch {
            if isRetryable(error) { throw error }
            return failed(checkpointError(error))
        }
        let executionId = input.durableExecutionArn.split(separator: "/").last.map(String.init) ?? ""
        guard let execution = operations.first(where: { $0.id == executionId && $0.type == .execution })
                ?? operations.first(where: { $0.type == .execution }) else {
            return failed(DurableError(code: .invalidInvocation, message: "The state has no EXECUTION operation \(executionId)"))
        }
        let decoded: F.Input
        do {
            decoded = try decodeInput(F.Input.self, from: execution.executionDetails?.inputPayload)
        } catch {
            return failed(DurableError(code: .serialization, message: "Cannot decode the execution input as \(F.Input.self): \(error)"))
        }

        var baseLogger = configuration.logger ?? Logger(label: "durable")
        if let sink = configuration.logSink { baseLogger = LogSinkHandler.logger(base: baseLogger, sink: sink) }
        // Plugins log through the invocation's logger, never replay-aware: each hook runs live.
        var pluginLogger = baseLogger
        pluginLogger[metadataKey: "executionArn"] = .string(input.durableExecutionArn)
        let plugins = PluginRunner(plugins: configuration.plugins, logger: pluginLogger)
        let state = ExecutionState(
            executionArn: input.durableExecutionArn, token: input.checkpointToken, operations: operations, client: client, plugins: plugins)
        let context = DurableContext(
            state: state, scope: ContextScope(logicalId: nil, operationId: nil, parent: nil),
            baseLogger: baseLogger, replayAwareLogging: configuration.replayAwareLogging)
        if !plugins.isEmpty {
            let info = InvocationStartInfo(
                executionArn: input.durableExecutionArn,
                isFirstInvocation: !operations.contains { $0.type != .execution },
                requestId: configuration.requestId, updatedOperationIds: input.updatedOperationIds ?? [], logger: pluginLogger)
            await plugins.callAll { try await $0.invocationStart(info) }
        }

        let outcome: Result<InvocationOutput, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask { await state.runFlusher() }
            let outcome = await withTaskGroup(of: Void.self) { timer in
                timer.addTask { await state.runLazyTimer() }
                // The handler's end flushes lazy updates anyway: stop the timer rather than wait out its sleep.
                defer { timer.cancelAll() }
                return await run(function, input: decoded, context: context, state: state)
            }
            // The handler's end waits for every queued update before answering.
            state.finishFlusher()
            await group.waitForAll()
            if let failure = state.checkpointFailure, case .success(let output) = outcome, output.status != .failed {
                return isRetryable(failure) ? .failure(failure) : .success(failed(checkpointError(failure)))
            }
            return outcome
        }
        if !plugins.isEmpty {
            let info = InvocationEndInfo(
                executionArn: input.durableExecutionArn, status: (try? outcome.get())?.status ?? .pending, logger: pluginLogger)
            await plugins.callAll { try await $0.invocationEnd(info) }
        }
        return try outcome.get()
    }

    /// Runs the user's handler and turns its outcome (or the state's termination) into the answer.
    private static func run<F: DurableFunction>(
        _ function: F, input: F.Input, context: DurableContext, state: ExecutionState
    ) async -> Result<InvocationOutput, any Error> {
        do {
            let value = try await function.run(input, context: context)
            if let termination = state.termination { return answer(for: termination) }
            let text = try JSONPayloadSerializer<F.Output>().serializeChecked(
                value, context: SerializationContext(operationId: "", executionArn: state.executionArn)) ?? "null"
            if text.utf8.count > DurableLimits.maxInlineResultBytes {
                // Too large for the Lambda response: store it through an EXECUTION checkpoint first.
                let millis = Int64(Date().timeIntervalSince1970 * 1000)
                try await state.enqueueAndWait(OperationUpdate(id: "execution-result-\(millis)", type: .execution, action: .succeed, payload: text))
                return .success(InvocationOutput(status: .succeeded, result: ""))
            }
            return .success(InvocationOutput(status: .succeeded, result: text))
        } catch {
            if let termination = state.termination { return answer(for: termination) }
            // An SDK signal with no termination means the host cancelled the invocation: let the
            // service retry it rather than fail the execution.
            if error is DurableInterrupt { return .failure(error) }
            return .success(failed(error))
        }
    }

    /// The answer when the invocation stopped early.
    private static func answer(for termination: ExecutionState.Termination) -> Result<InvocationOutput, any Error> {
        switch termination {
        case .suspended:
            return .success(.pending)
        case .nonDeterministic(let error):
            return .success(failed(error))
        case .checkpointFailed(let error):
            return isRetryable(error) ? .failure(error) : .success(failed(checkpointError(error)))
        }
    }

    /// A `FAILED` answer for `error`.
    static func failed(_ error: any Error) -> InvocationOutput {
        InvocationOutput(status: .failed, error: ErrorConversion.errorObject(from: error))
    }

    /// Whether the service should retry the invocation rather than fail the execution (protocol §3.2).
    static func isRetryable(_ error: any Error) -> Bool {
        guard let service = error as? DurableServiceError else { return true }
        if service.isInvalidCheckpointToken { return true }
        if service.type.hasPrefix("KMS") { return false }
        return service.statusCode == 429 || service.statusCode >= 500
    }

    /// The execution's error for a fatal service error.
    static func checkpointError(_ error: any Error) -> DurableError {
        if let service = error as? DurableServiceError {
            return DurableError(code: .checkpointFailed, errorObject: ErrorObject(errorType: service.type, errorMessage: service.message))
        }
        return DurableError(code: .checkpointFailed, message: String(describing: error))
    }

    /// The first page from the event plus every following page.
    static func loadOperations(_ input: InvocationInput, client: any CheckpointClient, pageSize: Int) async throws -> [Operation] {
        var operations = input.initialExecutionState.operations
        var marker = input.initialExecutionState.nextMarker ?? ""
        while !marker.isEmpty {
            let page = try await client.executionState(
                executionArn: input.durableExecutionArn, token: input.checkpointToken, marker: marker,
                maxItems: min(max(pageSize, 1), DurableLimits.maxPageSize))
            operations += page.operations
            marker = page.nextMarker ?? ""
        }
        return operations
    }

    /// Decodes the execution input: absent or blank input decodes as `{}` and, for inputs that are
    /// not objects (optionals, `EmptyInput`-like types), as `null`.
    static func decodeInput<Input: Decodable>(_ type: Input.Type, from payload: String?) throws -> Input {
        let decoder = JSONCoding.decoder
        let text = payload?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.isEmpty {
            if let value = try? decoder.decode(Input.self, from: Data("{}".utf8)) { return value }
            return try decoder.decode(Input.self, from: Data("null".utf8))
        }
        return try decoder.decode(Input.self, from: Data(text.utf8))
    }
}
