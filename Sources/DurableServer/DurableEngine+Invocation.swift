import DurableModel
import Foundation

extension DurableEngine {
    /// Runs one queued invocation of `arn` through the gate: begin, call the handler, end.
    /// `handlerReturned` runs once the handler has answered (or was never called), before the end is
    /// stored: what bounds concurrent handlers can let the next one start during that commit.
    func runInvocation(_ arn: String, handlerReturned: @Sendable () -> Void = {}) async {
        var returned = false
        defer { if !returned { handlerReturned() } }
        do {
            guard let invocation = try await beginInvocation(arn) else { return }
            let log = InvocationLog(executionArn: arn, requestId: invocation.requestId, clock: clock)
            let output: Result<InvocationOutput, any Error>
            do {
                output = .success(try await InvocationLog.$current.withValue(log) {
                    try await invoker.invoke(invocation, checkpointClient: checkpointClient)
                })
            } catch {
                output = .failure(error)
            }
            returned = true
            handlerReturned()
            // Stored before the answer is applied, so whoever sees the execution close finds its logs.
            await storeLogs(log.seal(), arn: arn)
            try await endInvocation(arn, requestId: invocation.requestId, output: output)
        } catch {
            logger.error("invocation bookkeeping failed", metadata: ["arn": "\(arn)", "error": "\(error)"])
        }
    }

    /// Appends an ended invocation's log records to the execution's log; a failure is logged, not thrown.
    func storeLogs(_ records: [ExecutionLogRecord], arn: String) async {
        guard !records.isEmpty else { return }
        do {
            try await store.appendLogs(executionArn: arn, records: records)
        } catch {
            logger.error("storing invocation logs failed", metadata: ["arn": "\(arn)", "error": "\(error)"])
        }
    }

    /// Claims the gate, mints the invocation's token and builds its event.
    ///
    /// On one node the begin is staged rather than committed: the execution's next commit (the
    /// invocation's first checkpoint, or its end) carries it, which saves a durable commit per
    /// invocation. Until then the store still shows the invocation queued, so after a crash it is
    /// simply queued again; what is lost is only the record of an invocation that made no checkpoint
    /// (no `InvocationCompleted` for it). Nodes sharing a database commit the begin, since the others
    /// must see it.
    func beginInvocation(_ arn: String) async throws -> HandlerInvocation? {
        let timeout = await invocationTimeout(executionArn: arn)
        func begin(_ builder: inout MutationBuilder) -> HandlerInvocation? {
            guard builder.record.status == .running, builder.record.invocationPhase == .queued else { return nil }
            let now = clock.now()
            builder.settleDueOperations(now: now)
            let ticket = InvocationTicket(requestId: UUID().uuidString.lowercased(), startTimestamp: now)
            let token = RandomToken.make()
            let updated = builder.operations(changedAfter: builder.record.previousInvocationSequence).map(\.id)
            builder.record.invocationPhase = .running
            builder.record.currentInvocation = ticket
            builder.record.checkpointToken = token
            builder.record.lastCheckpoint = nil
            builder.record.observedSequence = builder.record.lastSequence
            let (page, marker) = firstPage(builder.ordered)
            let input = InvocationInput(durableExecutionArn: arn, checkpointToken: token,
                                        initialExecutionState: ExecutionStatePage(operations: page, nextMarker: marker),
                                        updatedOperationIds: updated.isEmpty ? nil : updated)
            return HandlerInvocation(functionName: builder.record.functionName, version: builder.record.executedVersion,
                                     requestId: ticket.requestId, deadline: now.addingTimeInterval(timeout),
                                     tenantId: builder.record.tenantId, input: input)
        }
        guard shared == nil else { return try await mutate(arn, begin)?.0 }
        return try await locks.withLock(arn) {
            try await withSnapshot(arn) { snapshot -> HandlerInvocation? in
                guard let snapshot else { return nil }
                var builder = snapshot.builder()
                guard let invocation = begin(&builder) else { return nil }
                builder.carriesStagedBegin = true
                stagedBegins.withLock { $0[arn] = builder }
                return invocation
            }
        }
    }

    /// The execution's begun invocation whose begin is not stored yet, if any.
    func stagedBegin(_ arn: String) -> MutationBuilder? {
        stagedBegins.withLock { $0[arn] }
    }

    /// The execution's record as its running invocation sees it: with a staged begin, else as stored.
    func liveRecord(_ arn: String) async throws -> ExecutionRecord? {
        if let staged = stagedBegin(arn) { return staged.record }
        return try await store.execution(arn: arn)
    }

    /// Seconds one invocation of the execution may run: its pinned version's `Timeout`, else the engine's.
    func invocationTimeout(executionArn: String) async -> TimeInterval {
        guard let arn = DurableExecutionARN(executionArn),
              let resolved = try? await resolveFunction(arn.functionName, qualifier: arn.qualifier),
              let seconds = resolved.configuration.invocationTimeoutSeconds else { return configuration.invocationTimeout.seconds }
        return TimeInterval(seconds)
    }

    /// The invocation event's first page: whole operations up to the byte budget (at least one).
    func firstPage(_ operations: [StoredOperation]) -> ([DurableModel.Operation], String?) {
        var page: [DurableModel.Operation] = []
        var bytes = 0
        for op in operations {
            let size = Self.approximateSize(op.operation)
            if !page.isEmpty, bytes + size > configuration.statePageByteBudget || page.count >= DurableLimits.maxPageSize {
                return (page, String(operations[page.count - 1].position))
            }
            bytes += size
            page.append(op.operation)
        }
        return (page, nil)
    }

    static func approximateSize(_ op: DurableModel.Operation) -> Int {
        var size = 256 + (op.name?.utf8.count ?? 0)
        size += op.executionDetails?.inputPayload?.utf8.count ?? 0
        size += op.stepDetails?.result?.utf8.count ?? 0
        size += op.contextDetails?.result?.utf8.count ?? 0
        size += op.callbackDetails?.result?.utf8.count ?? 0
        size += op.chainedInvokeDetails?.result?.utf8.count ?? 0
        for error in [op.stepDetails?.error, op.contextDetails?.error, op.callbackDetails?.error, op.chainedInvokeDetails?.error] {
            if let error { size += (error.errorMessage?.utf8.count ?? 0) + (error.errorData?.utf8.count ?? 0) + 64 }
        }
        return size
    }

    /// Records `InvocationCompleted`, applies the handler's answer and decides whether to invoke again.
    func endInvocation(_ arn: String, requestId: String, output: Result<InvocationOutput, any Error>) async throws {
        let result = try await mutate(arn) { builder -> Bool in
            guard let ticket = builder.record.currentInvocation, ticket.requestId == requestId else { return false }
            let now = clock.now()
            var failure: ErrorObject?
            if case .failure(let error) = output { failure = ErrorObject.describing(error) }
            builder.append(.executionEvent(.invocationCompleted, at: now, details: EventDetails(
                error: failure.map { EventError(payload: $0) }, startTimestamp: ticket.startTimestamp, endTimestamp: now,
                requestId: ticket.requestId)))
            builder.record.currentInvocation = nil
            builder.record.checkpointToken = nil
            builder.record.invocationPhase = .idle
            // Once closed (stop, timeout), a late answer is ignored.
            guard builder.record.status == .running else { return false }
            for outcome in builder.record.deferredChainedResults { builder.completeChained(outcome, now: now) }
            builder.record.deferredChainedResults = []
            defer { builder.record.previousInvocationSequence = builder.record.observedSequence }
            if let completion = builder.record.checkpointedCompletion {
                let answer = try? output.get()
                switch completion {
                case .succeeded(let payload):
                    let inline = answer?.result.flatMap { $0.isEmpty ? nil : $0 }
                    builder.close(.succeeded, result: inline ?? payload, now: now)
                case .failed(let error):
                    builder.close(.failed, error: error ?? answer?.error, now: now)
                }
                return true
            }
            switch output {
            case .failure(let error):
                builder.record.failedInvocations += 1
                logger.debug("invocation failed", metadata: ["arn": "\(arn)", "error": "\(error)", "attempt": "\(builder.record.failedInvocations)"])
                if builder.record.failedInvocations >= configuration.maxInvocationAttempts {
                    builder.close(.failed, error: failure, now: now)
                } else {
                    builder.arm(DurableTimer(key: builder.key(.invocationRetry),
                                             dueAt: now.addingTimeInterval(configuration.invocationRetryDelay.seconds)))
                }
            case .success(let answer):
                builder.record.failedInvocations = 0
                switch answer.status {
                case .succeeded:
                    builder.close(.succeeded, result: answer.result, now: now)
                case .failed:
                    builder.close(.failed, error: answer.error, now: now)
                case .pending:
                    settlePending(&builder, now: now)
                }
            }
            return builder.closed
        }
        if let (closed, record) = result, closed { await afterClose(record) }
    }

    /// A `PENDING` answer: re-invoke when the handler missed a change; tolerate a few answers with
    /// nothing pending (an SDK race can produce one), then fail the execution.
    private func settlePending(_ builder: inout MutationBuilder, now: Date) {
        let observed = builder.record.observedSequence
        let unseen = !builder.operations.changed(after: observed).isEmpty
        let waiting = !builder.operations.openOperations.isEmpty
        if unseen {
            builder.record.idlePendingAnswers = 0
            builder.requestInvocation()
        } else if waiting {
            builder.record.idlePendingAnswers = 0
        } else {
            builder.record.idlePendingAnswers += 1
            if builder.record.idlePendingAnswers >= configuration.maxIdlePendingAnswers {
                builder.close(.failed, error: ErrorObject(errorType: "InvalidParameterValueException",
                                                         errorMessage: "Cannot return PENDING status with no pending operations."), now: now)
            } else {
                builder.requestInvocation()
            }
        }
    }

    /// Re-queues executions whose invocation was queued or running when the process stopped; a running
    /// one is recorded as crashed (`Runtime.ExitError`). Call once at startup, before the services run.
    ///
    /// Shared, this does nothing: other nodes may be running those invocations, and an invocation whose
    /// node died is taken over when its lease expires (`runClaimed`).
    @discardableResult
    public func recoverInterruptedInvocations() async throws -> Int {
        if shared != nil { return 0 }
        var count = 0
        for record in try await store.executionsAwaitingInvocation() {
            _ = try await mutate(record.arn) { builder in
                guard builder.record.status == .running else { return }
                markInterrupted(&builder)
                count += 1
            }
        }
        return count
    }

    /// Records the running invocation (if any) as crashed and queues a new one.
    func markInterrupted(_ builder: inout MutationBuilder) {
        let now = clock.now()
        if let ticket = builder.record.currentInvocation {
            builder.append(.executionEvent(.invocationCompleted, at: now, details: EventDetails(
                error: EventError(payload: ErrorObject(errorType: "Runtime.ExitError", errorMessage: "The invocation was interrupted")),
                startTimestamp: ticket.startTimestamp, endTimestamp: now, requestId: ticket.requestId)))
        }
        builder.record.currentInvocation = nil
        builder.record.checkpointToken = nil
        builder.record.invocationPhase = .idle
        builder.requestInvocation()
    }
}
