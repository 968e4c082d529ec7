import Durable
import DurableClient
import DurableModel
import Foundation
import Logging
import ServiceLifecycle

/// One long-poll loop of a `DurableWorker`: take an invocation, run it, answer, repeat.
struct WorkerSlot: Sendable {
    let function: WorkerFunction
    let runtime: RuntimeAPIClient
    let service: DurableHTTPClient
    let configuration: DurableWorkerConfiguration

    var logger: Logger {
        var logger = configuration.logger
        logger[metadataKey: "function"] = "\(function.name)"
        return logger
    }

    /// Loops until graceful shutdown or cancellation; never throws.
    func run() async {
        var backoff = WorkerBackoff(initial: configuration.initialBackoff, maximum: configuration.maxBackoff)
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let invocation: RuntimeInvocation?
            do {
                // Only the wait is cut short by shutdown; an invocation in hand is finished and answered.
                invocation = try await cancelWhenGracefulShutdown { try await runtime.next(timeout: configuration.pollTimeout) }
            } catch {
                if Task.isCancelled || Task.isShuttingDownGracefully { break }
                let delay = backoff.next()
                // The first failure in a row is worth a warning; the rest of an outage would only repeat it.
                logger.log(level: backoff.failures == 1 ? .warning : .debug, "cannot take invocations, retrying",
                           metadata: ["error": "\(error)", "retryIn": "\(delay)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
                continue
            }
            if backoff.failures > 0 { logger.info("reconnected to the Runtime API") }
            backoff.reset()
            if let invocation { await serve(invocation) }
        }
    }

    /// Runs one invocation and delivers its logs and answer.
    func serve(_ invocation: RuntimeInvocation) async {
        var logger = self.logger
        logger[metadataKey: "requestId"] = "\(invocation.requestId)"
        let input: InvocationInput
        do {
            input = try DurableJSON.decoder().decode(InvocationInput.self, from: invocation.body)
        } catch {
            let failure = ErrorObject(errorType: "Runtime.InvalidEvent",
                                      errorMessage: "The event is not a durable invocation: \(String(describing: error).prefix(512))")
            await deliver(invocation, logger: logger) { try await runtime.fail(requestId: invocation.requestId, error: failure) }
            return
        }
        let log = WorkerInvocationLog()
        var runtimeConfiguration = function.configuration
        runtimeConfiguration.requestId = invocation.requestId
        if configuration.forwardLogs {
            let outer = runtimeConfiguration.logSink
            runtimeConfiguration.logSink = { record in
                outer?(record)
                log.record(record)
            }
        }
        guard let outcome = await runUntilDeadline(input, invocation: invocation, configuration: runtimeConfiguration) else {
            logger.warning("the invocation passed its deadline; the service has already given up on it")
            return
        }
        guard !Task.isCancelled else {
            // Cancelled, not shut down gracefully: the process is going away, and what a cancelled
            // handler returned (a sleep's CancellationError as a failure) is no answer. Like a killed
            // process, the worker leaves the invocation to the service's timeout and retry.
            logger.warning("cancelled mid-invocation; the service retries it after its deadline")
            return
        }
        if configuration.forwardLogs {
            // Sent before the answer, so whoever sees the invocation end finds its records.
            for batch in log.seal() where !batch.isEmpty {
                await sendLogs(batch, arn: input.durableExecutionArn, invocation: invocation, logger: logger)
            }
        }
        switch outcome {
        case .success(let output):
            let body: Data
            do {
                body = try DurableJSON.encoder(.milliseconds).encode(output)
            } catch {
                let failure = ErrorObject(errorType: "Runtime.InvalidResponse", errorMessage: "Cannot encode the answer: \(error)")
                await deliver(invocation, logger: logger) { try await runtime.fail(requestId: invocation.requestId, error: failure) }
                return
            }
            await deliver(invocation, logger: logger) { try await runtime.respond(requestId: invocation.requestId, body: body) }
        case .failure(let error):
            let failure = Self.errorObject(error)
            await deliver(invocation, logger: logger) { try await runtime.fail(requestId: invocation.requestId, error: failure) }
        }
    }

    /// The handler's outcome, or nil when the deadline passed first (the handler is then cancelled).
    func runUntilDeadline(_ input: InvocationInput, invocation: RuntimeInvocation,
                          configuration runtimeConfiguration: DurableRuntimeConfiguration) async -> Result<InvocationOutput, any Error>? {
        let handler = function.handler
        let service = self.service
        let remaining = max(0, invocation.deadline.timeIntervalSinceNow)
        return await withTaskGroup(of: Result<InvocationOutput, any Error>?.self) { group in
            group.addTask {
                do { return .success(try await handler(input, service, runtimeConfiguration)) } catch { return .failure(error) }
            }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(remaining * 1000)))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Posts an answer, retrying transport and server errors with back-off until the invocation's deadline.
    func deliver(_ invocation: RuntimeInvocation, logger: Logger, _ post: () async throws -> RuntimeAPIClient.Delivery) async {
        var backoff = WorkerBackoff(initial: configuration.initialBackoff, maximum: configuration.maxBackoff)
        while true {
            do {
                switch try await post() {
                case .accepted:
                    return
                case .rejected(let status, let body):
                    logger.warning("the service refused the answer", metadata: ["status": "\(status)", "body": "\(body.prefix(256))"])
                    return
                }
            } catch {
                guard Date() < invocation.deadline, !Task.isCancelled else {
                    logger.error("dropping the answer: the service stayed unreachable until the deadline", metadata: ["error": "\(error)"])
                    return
                }
                try? await Task.sleep(for: backoff.next())
            }
        }
    }

    /// Appends `records` to the execution's log, retrying transport and server errors until the deadline.
    func sendLogs(_ records: [ExecutionLogEntry], arn: String, invocation: RuntimeInvocation, logger: Logger) async {
        var backoff = WorkerBackoff(initial: configuration.initialBackoff, maximum: configuration.maxBackoff)
        while true {
            do {
                try await service.appendLogs(arn: arn, requestId: invocation.requestId, records: records)
                return
            } catch let error as DurableServiceError where error.statusCode < 500 && error.statusCode != 429 {
                logger.warning("the service refused the invocation's log records", metadata: ["error": "\(error)"])
                return
            } catch {
                guard Date() < invocation.deadline, !Task.isCancelled else {
                    logger.error("dropping the invocation's log records", metadata: ["error": "\(error)"])
                    return
                }
                try? await Task.sleep(for: backoff.next())
            }
        }
    }

    /// The Runtime API error for a handler that threw.
    static func errorObject(_ error: any Error) -> ErrorObject {
        switch error {
        case let object as ErrorObject: object
        case let service as DurableServiceError: ErrorObject(errorType: service.type, errorMessage: service.message)
        default: ErrorObject(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }
}
