import DurableModel

extension DurableContext {
    /// Runs `body` for every item, each in its own child context, under the completion policy.
    ///
    /// Returns the batch result whatever failed; call `throwIfError()` (or `values()`) to turn
    /// failures into an error.
    public func map<Item: Sendable, T: Codable & Sendable>(
        _ name: String? = nil, _ items: [Item], configuration: MapConfiguration<Item> = .init(),
        serializers: BatchSerializers<T> = .init(),
        _ body: @escaping @Sendable (DurableContext, Item, Int) async throws -> T
    ) async throws -> BatchResult<T> {
        let names = items.enumerated().map { index, item in configuration.itemNamer?(item, index) ?? "map-item-\(index)" }
        let plan = BatchPlan(
            kind: .map, names: names, maxConcurrency: configuration.maxConcurrency, completion: configuration.completion,
            nesting: configuration.nesting)
        return try await runBatch(name, plan: plan, serializers: serializers) { index, context in
            try await body(context, items[index], index)
        }
    }

    /// Runs the branches concurrently, each in its own child context, under the completion policy.
    public func parallel<T: Codable & Sendable>(
        _ name: String? = nil, _ branches: [ParallelBranch<T>], configuration: ParallelConfiguration = .init(),
        serializers: BatchSerializers<T> = .init()
    ) async throws -> BatchResult<T> {
        let names = branches.enumerated().map { index, branch in branch.name ?? "parallel-branch-\(index)" }
        let plan = BatchPlan(
            kind: .parallel, names: names, maxConcurrency: configuration.maxConcurrency, completion: configuration.completion,
            nesting: configuration.nesting)
        return try await runBatch(name, plan: plan, serializers: serializers) { index, context in
            try await branches[index].body(context)
        }
    }

    /// Map or parallel.
    enum BatchKind: Sendable {
        case map, parallel

        var subType: String { self == .map ? OperationSubType.map : OperationSubType.parallel }
        var itemSubType: String { self == .map ? OperationSubType.mapIteration : OperationSubType.parallelBranch }
        var summaryType: String { self == .map ? "MapResult" : "ParallelResult" }
    }

    /// Everything about a batch but its body and types.
    struct BatchPlan: Sendable {
        var kind: BatchKind
        var names: [String]
        var maxConcurrency: Int?
        var completion: CompletionConfiguration
        var nesting: BatchNesting
    }

    /// The shared map/parallel machinery (protocol §4.9).
    func runBatch<T: Codable & Sendable>(
        _ name: String?, plan: BatchPlan, serializers: BatchSerializers<T>,
        _ body: @escaping @Sendable (Int, DurableContext) async throws -> T
    ) async throws -> BatchResult<T> {
        let total = plan.names.count
        if let maxConcurrency = plan.maxConcurrency, maxConcurrency < 1 {
            throw DurableError(code: .invalidArgument, message: "maxConcurrency must be at least 1, got \(maxConcurrency)")
        }
        if let minSuccessful = plan.completion.minSuccessful, minSuccessful < 0 || minSuccessful > total {
            throw DurableError(code: .invalidArgument, message: "minSuccessful must be between 0 and the item count \(total), got \(minSuccessful)")
        }
        let slot = try allocate(.context, subType: plan.kind.subType, name: name)
        let itemSerializer: any PayloadSerializer<T> = serializers.item ?? JSONPayloadSerializer<T>()
        let context = serializationContext(slot)
        let batchContext = childContext(for: slot)

        if let record = slot.record {
            switch record.status {
            case .succeeded:
                if let resultSerializer = serializers.result {
                    return try resultSerializer.deserializeChecked(record.contextDetails?.result, context: context)
                }
                let summary = try JSONPayloadSerializer<BatchSummary>().deserializeChecked(record.contextDetails?.result, context: context)
                if let stored = summary.items, record.contextDetails?.replayChildren != true {
                    return try Self.rebuild(summary, items: stored, serializer: itemSerializer, context: context)
                }
                return try await replayBatch(summary, slot: slot, batchContext: batchContext, plan: plan, serializer: itemSerializer, body)
            case .started, .pending, .ready:
                break
            default:
                throw DurableError(code: .childContextFailed, errorObject: record.contextDetails?.error ?? ErrorObject(errorType: "ChildContextError", errorMessage: "Batch \(record.status.rawValue)"))
            }
        } else {
            await notifyStart(slot)
            try await send(slot.update(.start), wait: false)
        }

        let limit = plan.maxConcurrency ?? max(total, 1)
        // Indexed by item; `texts` keeps each result as serialized for its own record, for the summary.
        var items = [BatchItem<T>?](repeating: nil, count: total)
        var texts = [String?](repeating: nil, count: total)
        var succeeded = 0
        var failed = 0
        var reason: BatchCompletionReason? = total == 0 ? .allCompleted : nil
        try await withThrowingTaskGroup(of: (Int, Result<(T, String?), any Error>).self) { group in
            var next = 0
            var inFlight = 0
            while true {
                // Start items in index order; ids are allocated here, in the parent, so they never
                // depend on how the items interleave.
                while reason == nil, next < total, inFlight < limit {
                    let index = next
                    next += 1
                    let item = try await batchItem(index, slot: slot, batchContext: batchContext, plan: plan, serializer: itemSerializer, body)
                    items[index] = BatchItem(index: index, status: .started)
                    inFlight += 1
                    state.taskWillStart()
                    group.addTask {
                        // Items are cancelled when the batch completes early: they leave checkpoint calls to the flusher.
                        await ExecutionState.$mayCheckpointInline.withValue(false) {
                            do {
                                return (index, .success(try await item()))
                            } catch {
                                return (index, .failure(error))
                            }
                        }
                    }
                }
                if inFlight == 0 { break }
                state.taskWillAwaitChild()
                guard let (index, outcome) = try await group.next() else { break }
                inFlight -= 1
                // After completion the remaining items are abandoned: their outcomes do not count.
                if reason != nil { continue }
                switch outcome {
                case .success(let (value, text)):
                    items[index] = BatchItem(index: index, status: .succeeded, result: value)
                    texts[index] = text
                    succeeded += 1
                case .failure(let error):
                    if isControlFlow(error) { throw error }
                    items[index] = BatchItem(index: index, status: .failed, error: Self.itemError(error))
                    failed += 1
                }
                reason = plan.completion.completionReason(total: total, succeeded: succeeded, failed: failed)
                if reason != nil && inFlight > 0 {
                    // Orphan the in-flight items (their checkpoints are dropped) and wake the blocked ones.
                    batchContext.scope.close()
                    group.cancelAll()
                }
            }
        }
        try state.checkActive()
        let result = BatchResult(all: items.compactMap { $0 }, completionReason: reason ?? .allCompleted, totalCount: total)
        batchContext.scope.close()
        if let resultSerializer = serializers.result {
            let text = try resultSerializer.serializeChecked(result, context: context)
            try await send(slot.update(.succeed, payload: text), wait: true)
            await notifyEnd(slot, .succeeded)
            return try resultSerializer.deserializeChecked(text, context: context)
        }
        let storedItems = Self.summaryItems(result, texts: texts)
        let (payload, options) = Self.summaryPayload(result, items: storedItems, kind: plan.kind)
        try await send(slot.update(.succeed, payload: payload, contextOptions: options), wait: true)
        await notifyEnd(slot, .succeeded)
        // Round-trip the results so the first run sees what replays will see.
        return try Self.rebuild(
            Self.summary(result, kind: plan.kind, items: nil), items: storedItems, serializer: itemSerializer, context: context,
            firstRun: result)
    }

    /// Allocates item `index` in the parent, queues its START there too (so the service sees STARTs in
    /// item order however the item tasks are scheduled), and returns the work that runs it.
    private func batchItem<T: Codable & Sendable>(
        _ index: Int, slot: OperationSlot, batchContext: DurableContext, plan: BatchPlan, serializer: any PayloadSerializer<T>,
        _ body: @escaping @Sendable (Int, DurableContext) async throws -> T
    ) async throws -> @Sendable () async throws -> (T, String?) {
        switch plan.nesting {
        case .nested:
            let itemSlot = try batchContext.allocate(.context, subType: plan.kind.itemSubType, name: plan.names[index])
            if itemSlot.record == nil {
                await batchContext.notifyStart(itemSlot)
                try await batchContext.send(itemSlot.update(.start), wait: false)
            }
            return {
                try await batchContext.runChildKeepingText(
                    itemSlot, serializer: serializer, startQueued: true, failure: { DurableError(code: .childContextFailed, errorObject: $0) }
                ) {
                    try await body(index, $0)
                }
            }
        case .flat:
            // A virtual context: its own id prefix, but its operations hang under the batch context.
            try state.checkActive()
            if batchContext.scope.isOrphaned { throw DurableInterrupt.orphaned }
            let virtual = DurableContext(
                state: state,
                scope: ContextScope(logicalId: batchContext.scope.nextLogicalId(), operationId: slot.id, parent: batchContext.scope),
                baseLogger: baseLogger, replayAwareLogging: replayAwareLogging)
            let context = serializationContext(slot)
            return {
                let value = try await body(index, virtual)
                let text = try serializer.serializeChecked(value, context: context)
                return (try serializer.roundTrip(value, text: text, context: context), text)
            }
        }
    }

    /// The error recorded for a failed item (the same on first run and replay).
    static func itemError(_ error: any Error) -> DurableError {
        if let durable = error as? DurableError, durable.code == .childContextFailed { return durable }
        return DurableError(code: .childContextFailed, errorObject: ErrorConversion.errorObject(from: error))
    }

    /// The parent's SUCCEED payload: the full summary, or indexes only with ReplayChildren when too large.
    private static func summaryPayload<T>(
        _ result: BatchResult<T>, items: [BatchSummary.Item], kind: BatchKind
    ) -> (payload: String, options: ContextOptions?) {
        let full = Self.summary(result, kind: kind, items: items).json()
        if full.utf8.count <= DurableLimits.replayChildrenThresholdBytes { return (full, nil) }
        return (Self.summary(result, kind: kind, items: nil).json(), ContextOptions(replayChildren: true))
    }

    /// The summary envelope of `result`.
    static func summary<T>(_ result: BatchResult<T>, kind: BatchKind, items: [BatchSummary.Item]?) -> BatchSummary {
        BatchSummary(
            type: kind.summaryType, totalCount: result.totalCount, completionReason: result.completionReason,
            successCount: result.successCount, failureCount: result.failureCount, startedCount: result.startedCount,
            status: result.status.rawValue, items: items,
            completedIndexes: result.all.filter { $0.status != .started }.map(\.index),
            startedIndexes: result.started.map(\.index))
    }

    /// The per-item summary entries; `texts[index]` is item `index`'s result as serialized for its record.
    static func summaryItems<T>(_ result: BatchResult<T>, texts: [String?]) -> [BatchSummary.Item] {
        result.all.map { item in
            BatchSummary.Item(
                index: item.index, status: BatchItem<Int>.Status(rawValue: item.status.rawValue) ?? .started,
                result: item.status == .succeeded ? texts[item.index] : nil,
                error: item.error?.errorObject)
        }
    }

    /// A batch result from a stored summary. `firstRun`, the result the summary was made from (its items
    /// in the same order), supplies the values when decoding their text would give them back unchanged.
    static func rebuild<T>(
        _ summary: BatchSummary, items: [BatchSummary.Item], serializer: any PayloadSerializer<T>, context: SerializationContext,
        firstRun: BatchResult<T>? = nil
    ) throws -> BatchResult<T> {
        let known = serializer.roundTripsExactly ? firstRun?.all : nil
        let all = try items.enumerated().map { position, item -> BatchItem<T> in
            let status = BatchItem<T>.Status(rawValue: item.status.rawValue) ?? .started
            switch status {
            case .succeeded:
                if let known, let value = known[position].result {
                    return BatchItem(index: item.index, status: .succeeded, result: value)
                }
                return BatchItem(index: item.index, status: .succeeded, result: try serializer.deserializeChecked(item.result, context: context))
            case .failed:
                return BatchItem(index: item.index, status: .failed, error: DurableError(code: .childContextFailed, errorObject: item.error ?? ErrorObject()))
            case .started:
                return BatchItem(index: item.index, status: .started)
            }
        }
        return BatchResult(all: all, completionReason: summary.completionReason, totalCount: summary.totalCount)
    }

    /// Rebuilds a ReplayChildren batch by re-running finished items over their records; items that
    /// never finished stay `started`.
    private func replayBatch<T: Codable & Sendable>(
        _ summary: BatchSummary, slot: OperationSlot, batchContext: DurableContext, plan: BatchPlan, serializer: any PayloadSerializer<T>,
        _ body: @escaping @Sendable (Int, DurableContext) async throws -> T
    ) async throws -> BatchResult<T> {
        let completed = Set(summary.completedIndexes ?? [])
        let started = Set(summary.startedIndexes ?? [])
        var all: [BatchItem<T>] = []
        for index in plan.names.indices {
            let item = try await batchItem(index, slot: slot, batchContext: batchContext, plan: plan, serializer: serializer, body)
            if started.contains(index) {
                all.append(BatchItem(index: index, status: .started))
                continue
            }
            guard completed.contains(index) else { continue }
            do {
                all.append(BatchItem(index: index, status: .succeeded, result: try await item().0))
            } catch {
                if isControlFlow(error) { throw error }
                all.append(BatchItem(index: index, status: .failed, error: Self.itemError(error)))
            }
        }
        return BatchResult(all: all, completionReason: summary.completionReason, totalCount: summary.totalCount)
    }
}
