import DurableModel

extension DurableContext {
    /// Runs `body` for every item, each in its own child context, under the completion policy.
    ///
    /// Returns the batch result whatever failed; call `throwIfError()` to turn failures into an error.
    public func map<Item: Sendable, T: Codable & Sendable>(
        _ name: String? = nil, _ items: [Item], configuration: MapConfiguration<Item> = .init(),
        _ body: @escaping @Sendable (DurableContext, Item, Int) async throws -> T
    ) async throws -> BatchResult<T> {
        let names = items.enumerated().map { index, item in configuration.itemNamer?(item, index) ?? "map-item-\(index)" }
        return try await runBatch(
            name, kind: .map, names: names, maxConcurrency: configuration.maxConcurrency, completion: configuration.completion
        ) { index, context in
            try await body(context, items[index], index)
        }
    }

    /// Runs the branches concurrently, each in its own child context, under the completion policy.
    public func parallel<T: Codable & Sendable>(
        _ name: String? = nil, _ branches: [ParallelBranch<T>], configuration: ParallelConfiguration = .init()
    ) async throws -> BatchResult<T> {
        let names = branches.enumerated().map { index, branch in branch.name ?? "parallel-branch-\(index)" }
        return try await runBatch(
            name, kind: .parallel, names: names, maxConcurrency: configuration.maxConcurrency, completion: configuration.completion
        ) { index, context in
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

    /// The shared map/parallel machinery (protocol §4.9).
    func runBatch<T: Codable & Sendable>(
        _ name: String?, kind: BatchKind, names: [String], maxConcurrency: Int?, completion: CompletionConfiguration,
        _ body: @escaping @Sendable (Int, DurableContext) async throws -> T
    ) async throws -> BatchResult<T> {
        let total = names.count
        if let maxConcurrency, maxConcurrency < 1 {
            throw DurableError(code: .invalidArgument, message: "maxConcurrency must be at least 1, got \(maxConcurrency)")
        }
        if let minSuccessful = completion.minSuccessful, minSuccessful < 0 || minSuccessful > total {
            throw DurableError(code: .invalidArgument, message: "minSuccessful must be between 0 and the item count \(total), got \(minSuccessful)")
        }
        let slot = try allocate(.context, subType: kind.subType, name: name)
        let serializer = JSONPayloadSerializer<T>()
        let batchContext = childContext(for: slot)
        let itemFailure: @Sendable (ErrorObject) -> DurableError = { DurableError(code: .childContextFailed, errorObject: $0) }

        if let record = slot.record {
            switch record.status {
            case .succeeded:
                let summary = try JSONPayloadSerializer<BatchSummary>().deserializeChecked(record.contextDetails?.result, context: serializationContext(slot))
                if let stored = summary.items, record.contextDetails?.replayChildren != true {
                    return try Self.rebuild(summary, items: stored, serializer: serializer, context: serializationContext(slot))
                }
                return try await replayBatch(summary, batchContext: batchContext, kind: kind, names: names, serializer: serializer, failure: itemFailure, body)
            case .started, .pending, .ready:
                break
            default:
                throw DurableError(code: .childContextFailed, errorObject: record.contextDetails?.error ?? ErrorObject(errorType: "ChildContextError", errorMessage: "Batch \(record.status.rawValue)"))
            }
        } else {
            await notifyStart(slot)
            try await send(slot.update(.start), wait: false)
        }

        let limit = maxConcurrency ?? max(total, 1)
        var items: [Int: BatchItem<T>] = [:]
        var succeeded = 0
        var failed = 0
        var reason: BatchCompletionReason? = total == 0 ? .allCompleted : nil
        try await withThrowingTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            var next = 0
            var inFlight = 0
            while true {
                // Start branches in index order; ids are allocated here, in the parent, so they never
                // depend on how the branches interleave.
                while reason == nil, next < total, inFlight < limit {
                    let index = next
                    next += 1
                    let itemSlot = try batchContext.allocate(.context, subType: kind.itemSubType, name: names[index])
                    items[index] = BatchItem(index: index, status: .started)
                    inFlight += 1
                    state.taskWillStart()
                    group.addTask {
                        do {
                            let value = try await batchContext.runChild(itemSlot, serializer: serializer, failure: itemFailure) { context in
                                try await body(index, context)
                            }
                            return (index, .success(value))
                        } catch {
                            return (index, .failure(error))
                        }
                    }
                }
                if inFlight == 0 { break }
                state.taskWillAwaitChild()
                guard let (index, outcome) = try await group.next() else { break }
                inFlight -= 1
                // After completion the remaining branches are abandoned: their outcomes do not count.
                if reason != nil { continue }
                switch outcome {
                case .success(let value):
                    items[index] = BatchItem(index: index, status: .succeeded, result: value)
                    succeeded += 1
                case .failure(let error):
                    if isControlFlow(error) { throw error }
                    let durable = error as? DurableError ?? DurableError(code: .childContextFailed, errorObject: ErrorConversion.errorObject(from: error))
                    items[index] = BatchItem(index: index, status: .failed, error: durable)
                    failed += 1
                }
                reason = completion.completionReason(total: total, succeeded: succeeded, failed: failed)
                if reason != nil && inFlight > 0 {
                    // Orphan the in-flight branches (their checkpoints are dropped) and wake the blocked ones.
                    batchContext.scope.close()
                    group.cancelAll()
                }
            }
        }
        try state.checkActive()
        let result = BatchResult(all: Array(items.values), completionReason: reason ?? .allCompleted, totalCount: total)
        batchContext.scope.close()
        let context = serializationContext(slot)
        let storedItems = try Self.summaryItems(result, serializer: serializer, context: context)
        let (payload, options) = try summaryPayload(result, items: storedItems, kind: kind, context: context)
        try await send(slot.update(.succeed, payload: payload, contextOptions: options), wait: true)
        await notifyEnd(slot, .succeeded)
        // Round-trip the results so the first run sees what replays will see.
        return try Self.rebuild(Self.summary(result, kind: kind, items: nil), items: storedItems, serializer: serializer, context: context)
    }

    /// The parent's SUCCEED payload: the full summary, or counts only with ReplayChildren when too large.
    private func summaryPayload<T>(
        _ result: BatchResult<T>, items: [BatchSummary.Item], kind: BatchKind, context: SerializationContext
    ) throws -> (payload: String, options: ContextOptions?) {
        let coder = JSONPayloadSerializer<BatchSummary>()
        let full = try coder.serializeChecked(Self.summary(result, kind: kind, items: items), context: context) ?? ""
        if full.utf8.count <= DurableLimits.replayChildrenThresholdBytes { return (full, nil) }
        let small = try coder.serializeChecked(Self.summary(result, kind: kind, items: nil), context: context) ?? ""
        return (small, ContextOptions(replayChildren: true))
    }

    /// The summary envelope of `result`.
    static func summary<T>(_ result: BatchResult<T>, kind: BatchKind, items: [BatchSummary.Item]?) -> BatchSummary {
        BatchSummary(
            type: kind.summaryType, totalCount: result.totalCount, completionReason: result.completionReason,
            successCount: result.successCount, failureCount: result.failureCount, startedCount: result.startedCount,
            status: result.status.rawValue, items: items)
    }

    /// The per-item summary entries, results serialized.
    static func summaryItems<T>(_ result: BatchResult<T>, serializer: JSONPayloadSerializer<T>, context: SerializationContext) throws -> [BatchSummary.Item] {
        try result.all.map { item in
            BatchSummary.Item(
                index: item.index, status: BatchItem<Int>.Status(rawValue: item.status.rawValue) ?? .started,
                result: try item.result.flatMap { try serializer.serializeChecked($0, context: context) },
                error: item.error?.errorObject)
        }
    }

    /// A batch result from a stored summary.
    static func rebuild<T>(_ summary: BatchSummary, items: [BatchSummary.Item], serializer: JSONPayloadSerializer<T>, context: SerializationContext) throws -> BatchResult<T> {
        let all = try items.map { item -> BatchItem<T> in
            let status = BatchItem<T>.Status(rawValue: item.status.rawValue) ?? .started
            switch status {
            case .succeeded:
                return BatchItem(index: item.index, status: .succeeded, result: try serializer.deserializeChecked(item.result, context: context))
            case .failed:
                return BatchItem(index: item.index, status: .failed, error: DurableError(code: .childContextFailed, errorObject: item.error ?? ErrorObject()))
            case .started:
                return BatchItem(index: item.index, status: .started)
            }
        }
        return BatchResult(all: all, completionReason: summary.completionReason, totalCount: summary.totalCount)
    }

    /// Rebuilds a ReplayChildren batch from its children's records, re-running only children that
    /// themselves need it; children that never finished stay `started`.
    private func replayBatch<T: Codable & Sendable>(
        _ summary: BatchSummary, batchContext: DurableContext, kind: BatchKind, names: [String], serializer: JSONPayloadSerializer<T>,
        failure: @escaping @Sendable (ErrorObject) -> DurableError, _ body: @escaping @Sendable (Int, DurableContext) async throws -> T
    ) async throws -> BatchResult<T> {
        var all: [BatchItem<T>] = []
        for index in names.indices {
            let itemSlot = try batchContext.allocate(.context, subType: kind.itemSubType, name: names[index])
            guard let record = itemSlot.record else { continue }
            guard record.status.isTerminal else {
                all.append(BatchItem(index: index, status: .started))
                continue
            }
            do {
                let value = try await batchContext.runChild(itemSlot, serializer: serializer, failure: failure) { try await body(index, $0) }
                all.append(BatchItem(index: index, status: .succeeded, result: value))
            } catch let error as DurableError where !isControlFlow(error) {
                all.append(BatchItem(index: index, status: .failed, error: error))
            }
        }
        return BatchResult(all: all, completionReason: summary.completionReason, totalCount: summary.totalCount)
    }
}
