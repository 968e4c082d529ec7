import DurableModel
import Foundation

extension DurableEngine {
    static let invalidToken = DurableServiceError.invalidParameter(DurableServiceError.invalidCheckpointTokenMessage)

    /// `CheckpointDurableExecution`: fences the token, replays a duplicate `ClientToken`, applies the
    /// batch, settles due timers and answers the next token with the operations the handler has not seen.
    public func checkpoint(executionArn: String, request: CheckpointRequest) async throws -> CheckpointResponse {
        if let clientToken = request.clientToken, !Validation.isClientToken(clientToken) {
            throw DurableServiceError.invalidParameter("ClientToken must be 1 to 64 characters in the range \\x21-\\x7E.")
        }
        let targets = await resolveChainedTargets(request.updates ?? [])
        var dispatches: [ChainedInvokeDispatch] = []
        let response = try await locks.withLock(executionArn) { () async throws -> CheckpointResponse in
            // The token check and the commit meet in one version: if another node changed the execution
            // in between, the commit fails, and the retry checks the token against the new state.
            try await retryingConflicts { try await withSnapshot(executionArn) { snapshot in
                guard let snapshot else { throw Self.invalidToken }
                let record = snapshot.record
                // A retried request is answered from the cache before the token is checked.
                if let clientToken = request.clientToken, let cached = record.lastCheckpoint,
                   cached.clientToken == clientToken, cached.inboundToken == request.checkpointToken {
                    let operations = snapshot.operations.changedInStartOrder(after: cached.observedBefore)
                    return CheckpointResponse(checkpointToken: cached.responseToken,
                                              newExecutionState: ExecutionStatePage(operations: operations))
                }
                guard record.status == .running, record.checkpointedCompletion == nil,
                      let current = record.checkpointToken, current == request.checkpointToken else { throw Self.invalidToken }
                let now = clock.now()
                var builder = snapshot.builder()
                // Elapsed waits and retry delays settle first, so the batch is validated against current state.
                builder.settleDueOperations(now: now)
                let outcome = try processor(resolvedTargets: targets).process(execution: record, operations: builder.operations, updates: request.updates ?? [], now: now)
                builder.apply(outcome)
                let delta = builder.operations(changedAfter: record.observedSequence)
                builder.record.observedSequence = builder.record.lastSequence
                var token: String?
                if let completion = outcome.completion {
                    // The batch closed the execution: no further checkpoints, the invocation's end applies it.
                    builder.record.checkpointedCompletion = completion
                    builder.record.checkpointToken = nil
                } else {
                    token = RandomToken.make()
                    builder.record.checkpointToken = token
                }
                let response = CheckpointResponse(checkpointToken: token, newExecutionState: ExecutionStatePage(operations: delta))
                builder.record.lastCheckpoint = request.clientToken.map {
                    CachedCheckpoint(clientToken: $0, inboundToken: request.checkpointToken, responseToken: token,
                                     observedBefore: record.observedSequence)
                }
                try await commit(builder)
                dispatches = outcome.chainedInvokes
                return response
            } }
        }
        for dispatch in dispatches { await dispatchChained(parentArn: executionArn, dispatch: dispatch) }
        return response
    }

    /// The versions the batch's CHAINED_INVOKE starts name (an alias resolved now, once); unknown ones are left out.
    func resolveChainedTargets(_ updates: [OperationUpdate]) async -> [ChainedTargetKey: ChainedTarget] {
        var targets: [ChainedTargetKey: ChainedTarget] = [:]
        for update in updates where update.type == .chainedInvoke && update.action == .start {
            guard let text = update.chainedInvokeOptions?.functionName, let reference = ChainedFunctionReference(parsing: text) else { continue }
            let key = ChainedTargetKey(name: reference.name, qualifier: reference.qualifier)
            guard targets[key] == nil, let resolved = try? await resolveFunction(reference.name, qualifier: reference.qualifier) else { continue }
            let function = resolved.configuration
            targets[key] = function.isDurable
                ? .durable(functionName: function.name, qualifier: resolved.version, executionTimeoutSeconds: function.executionTimeoutSeconds)
                : .plain(functionName: function.name, version: resolved.version)
        }
        return targets
    }

    /// `GetDurableExecutionState`: pages the operations in start order; markers are start positions.
    public func executionState(executionArn: String, checkpointToken: String, marker: String?, maxItems: Int?) async throws -> ExecutionStatePage {
        guard let record = try await liveRecord(executionArn), record.status == .running,
              let current = record.checkpointToken, current == checkpointToken else { throw Self.invalidToken }
        var after = -1
        if let marker, !marker.isEmpty {
            guard let value = Int(marker), value >= 0 else { throw DurableServiceError.invalidParameter("Invalid marker") }
            after = value
        }
        let size = Self.pageSize(maxItems)
        // The store's operation map comes from its cache while the invocation is in flight, so paging
        // a long history does not read every operation again for each page.
        let operations: OperationMap
        if let staged = stagedBegin(executionArn) {
            operations = staged.operations
        } else {
            operations = try await store.operationMap(executionArn: executionArn)
        }
        let rest = operations.inStartOrder.filter { $0.position > after }
        let page = Array(rest.prefix(size))
        let next = rest.count > page.count ? page.last.map { String($0.position) } : nil
        return ExecutionStatePage(operations: page.map(\.operation), nextMarker: next)
    }
}
