import DurableModel
import Foundation
import Synchronization

/// Runs invocations on out-of-process workers that poll the Lambda Runtime API.
///
/// Each function version has a queue of jobs and a queue of workers blocked in `next` (a worker
/// serves one version, so a job of an execution pinned to version 1 only ever reaches version-1
/// workers); a job goes to the
/// first waiting worker, or waits for one. Many workers may serve one function. An invocation
/// ends when its worker posts a response or an error, or fails with `Sandbox.Timedout` at its
/// deadline (a worker that died mid-invocation is only noticed then, as in Lambda).
public final class WorkerInvoker: VersionedFunctionInvoker {
    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<WorkerJob, any Error>
    }

    private struct FunctionQueue {
        var jobs: [WorkerJob] = []
        var waiters: [Waiter] = []
    }

    private struct State {
        var queues: [String: FunctionQueue] = [:]
        /// The invocations awaiting an answer, by request id.
        var answers: [String: CheckedContinuation<String, any Error>] = [:]
        /// Request ids given up on recently, so a late answer is told apart from a bogus one.
        var abandoned: [String] = []
        var nextWaiterId: UInt64 = 0
    }

    private let state = Mutex(State())
    /// How long a plain (non-durable) invocation may take; durable ones carry their own deadline.
    public let plainInvocationTimeout: Duration
    private static let abandonedMemory = 1024

    /// Creates an invoker with no workers.
    public init(plainInvocationTimeout: Duration = .seconds(900)) {
        self.plainInvocationTimeout = plainInvocationTimeout
    }

    // MARK: FunctionInvoker

    /// Sends the invocation event to a worker and decodes its `InvocationOutput`.
    public func invoke(_ request: HandlerInvocation, checkpointClient: any CheckpointClient) async throws -> InvocationOutput {
        let event = String(decoding: try DurableJSON.encoder(.milliseconds).encode(request.input), as: UTF8.self)
        let job = WorkerJob(requestId: request.requestId, functionName: request.functionName, version: request.version,
                            deadline: request.deadline, tenantId: request.tenantId, payload: event)
        let body = try await run(job)
        do {
            return try DurableJSON.decoder().decode(InvocationOutput.self, from: Data(body.utf8))
        } catch {
            throw ErrorObject(errorType: "Runtime.InvalidResponse",
                              errorMessage: "The worker's response is not a durable invocation output: \(body.prefix(256))")
        }
    }

    /// Sends `payload` to a `$LATEST` worker of `functionName` and returns its response body.
    public func invokePlain(functionName: String, payload: String) async throws -> String {
        try await invokePlain(functionName: functionName, version: "$LATEST", timeout: nil, payload: payload)
    }

    /// Sends `payload` to a worker of that version of `functionName` and returns its response body;
    /// without an answer within `timeout` (default `plainInvocationTimeout`) it fails with `Sandbox.Timedout`.
    public func invokePlain(functionName: String, version: String, timeout: Duration?, payload: String) async throws -> String {
        let deadline = Date().addingTimeInterval(Double((timeout ?? plainInvocationTimeout).components.seconds))
        return try await run(WorkerJob(requestId: UUID().uuidString.lowercased(), functionName: functionName,
                                       version: version, deadline: deadline, payload: payload))
    }

    /// The queue of one function version: the bare name for `$LATEST`, `NAME:VERSION` otherwise.
    static func queueKey(_ functionName: String, _ version: String) -> String {
        version == "$LATEST" ? functionName : "\(functionName):\(version)"
    }

    /// Queues `job` and waits for its answer until its deadline.
    public func run(_ job: WorkerJob) async throws -> String {
        let seconds = max(0, job.deadline.timeIntervalSinceNow)
        return try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask { try await self.submit(job) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            if let first = try await group.next(), let body = first { return body }
            // The deadline came first: the submit task is cancelled (and the job withdrawn) by the defer.
            throw ErrorObject(errorType: "Sandbox.Timedout",
                              errorMessage: String(format: "Task timed out after %.2f seconds", seconds))
        }
    }

    private func submit(_ job: WorkerJob) async throws -> String {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (answer: CheckedContinuation<String, any Error>) in
                let taker = state.withLock { s -> CheckedContinuation<WorkerJob, any Error>? in
                    if Task.isCancelled {
                        answer.resume(throwing: CancellationError())
                        return nil
                    }
                    s.answers[job.requestId] = answer
                    let key = Self.queueKey(job.functionName, job.version)
                    if !(s.queues[key]?.waiters.isEmpty ?? true) {
                        return s.queues[key]!.waiters.removeFirst().continuation
                    }
                    s.queues[key, default: FunctionQueue()].jobs.append(job)
                    return nil
                }
                taker?.resume(returning: job)
            }
        } onCancel: {
            withdraw(job)
        }
    }

    /// Gives up on `job`: takes it off its queue if no worker has it yet and fails its waiting invocation.
    private func withdraw(_ job: WorkerJob) {
        let answer = state.withLock { s -> CheckedContinuation<String, any Error>? in
            s.queues[Self.queueKey(job.functionName, job.version)]?.jobs.removeAll { $0.requestId == job.requestId }
            guard let answer = s.answers.removeValue(forKey: job.requestId) else { return nil }
            s.abandoned.append(job.requestId)
            if s.abandoned.count > Self.abandonedMemory { s.abandoned.removeFirst(s.abandoned.count - Self.abandonedMemory) }
            return answer
        }
        answer?.resume(throwing: CancellationError())
    }

    // MARK: Worker side

    /// The next job for a worker of `functionName` at `version` (`$LATEST` or a number), waiting as
    /// long as it takes (the long poll of `GET /runtime/invocation/next`); cancelling the caller takes
    /// the worker out of the line.
    public func next(functionName: String, version: String = "$LATEST") async throws -> WorkerJob {
        let functionName = Self.queueKey(functionName, version)
        let id = state.withLock { s -> UInt64 in
            s.nextWaiterId += 1
            return s.nextWaiterId
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<WorkerJob, any Error>) in
                let ready = state.withLock { s -> Result<WorkerJob, any Error>? in
                    // Checked under the lock so a cancellation racing this registration is never missed.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if !(s.queues[functionName]?.jobs.isEmpty ?? true) {
                        return .success(s.queues[functionName]!.jobs.removeFirst())
                    }
                    s.queues[functionName, default: FunctionQueue()].waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { s -> Waiter? in
                guard let index = s.queues[functionName]?.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return s.queues[functionName]!.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Puts back a job whose worker vanished before receiving it: first in line, if still awaited.
    public func requeue(_ job: WorkerJob) {
        let taker = state.withLock { s -> CheckedContinuation<WorkerJob, any Error>? in
            guard s.answers[job.requestId] != nil else { return nil }
            let key = Self.queueKey(job.functionName, job.version)
            if !(s.queues[key]?.waiters.isEmpty ?? true) {
                return s.queues[key]!.waiters.removeFirst().continuation
            }
            s.queues[key, default: FunctionQueue()].jobs.insert(job, at: 0)
            return nil
        }
        taker?.resume(returning: job)
    }

    /// A worker's successful answer for `requestId`.
    @discardableResult
    public func respond(requestId: String, body: String) -> WorkerAnswer {
        deliver(requestId, .success(body))
    }

    /// A worker's error for `requestId`: the invocation throws `error`.
    @discardableResult
    public func fail(requestId: String, error: ErrorObject) -> WorkerAnswer {
        deliver(requestId, .failure(error))
    }

    /// Whether a job of `requestId` is handed out or queued and still awaits its answer.
    public func isAwaiting(requestId: String) -> Bool {
        state.withLock { $0.answers[requestId] != nil }
    }

    /// Workers of that version of `functionName` blocked in `next` right now.
    public func waitingWorkers(functionName: String, version: String = "$LATEST") -> Int {
        state.withLock { $0.queues[Self.queueKey(functionName, version)]?.waiters.count ?? 0 }
    }

    private func deliver(_ requestId: String, _ result: Result<String, any Error>) -> WorkerAnswer {
        let (answer, outcome) = state.withLock { s -> (CheckedContinuation<String, any Error>?, WorkerAnswer) in
            if let answer = s.answers.removeValue(forKey: requestId) {
                // An answer for a job no worker took yet (a worker guessing ids) still ends it once.
                for name in s.queues.keys { s.queues[name]!.jobs.removeAll { $0.requestId == requestId } }
                return (answer, .accepted)
            }
            return (nil, s.abandoned.contains(requestId) ? .late : .unknown)
        }
        answer?.resume(with: result)
        return outcome
    }
}
