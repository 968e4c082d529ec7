import DurableModel
import Foundation

extension DurableEngine {
    /// Starts the target of a committed CHAINED_INVOKE operation.
    func dispatchChained(parentArn: String, dispatch: ChainedInvokeDispatch) async {
        switch dispatch.target {
        case .plain:
            enqueue(.plainInvoke(parentArn: parentArn, dispatch: dispatch))
        case .durable(let name, let version, _):
            do {
                let function = try await resolveFunction(name, qualifier: version).configuration
                guard let childArn = dispatch.childExecutionArn.flatMap(DurableExecutionARN.init) else {
                    throw DurableServiceError.notFound("Function not found: \(name)")
                }
                _ = try await createExecution(arn: childArn, function: function, input: dispatch.payload, tenantId: dispatch.tenantId,
                                              traceHeader: dispatch.traceHeader, parentArn: parentArn, parentOperationId: dispatch.operationId)
            } catch {
                await deliverChainedOutcome(parentArn: parentArn, outcome: ChainedOutcome(
                    operationId: dispatch.operationId, status: .failed, error: ErrorObject.describing(error)))
            }
        }
    }

    /// Runs a plain target once and records its outcome on the parent operation.
    func runPlainInvoke(parentArn: String, dispatch: ChainedInvokeDispatch) async {
        let outcome: ChainedOutcome
        do {
            var version = "$LATEST"
            if case .plain(_, let pinned) = dispatch.target { version = pinned }
            let result = try await invokePlain(functionName: dispatch.target.functionName, version: version, payload: dispatch.payload)
            if result.utf8.count > DurableLimits.maxChainedInvokePayloadBytes {
                outcome = ChainedOutcome(operationId: dispatch.operationId, status: .failed, error: ErrorObject(
                    errorType: "InvalidParameterValueException",
                    errorMessage: "CHAINED_INVOKE output payload size must be less than or equal to \(DurableLimits.maxChainedInvokePayloadBytes) bytes."))
            } else {
                outcome = ChainedOutcome(operationId: dispatch.operationId, status: .succeeded, result: result)
            }
        } catch {
            outcome = ChainedOutcome(operationId: dispatch.operationId, status: .failed, error: ErrorObject.describing(error))
        }
        await deliverChainedOutcome(parentArn: parentArn, outcome: outcome)
    }

    /// Writes a chained outcome to the parent, or parks it until the parent's running invocation ends.
    func deliverChainedOutcome(parentArn: String, outcome: ChainedOutcome) async {
        do {
            _ = try await mutate(parentArn) { builder in
                guard builder.record.status == .running else { return }
                if builder.record.invocationPhase == .running {
                    builder.record.deferredChainedResults.append(outcome)
                } else if builder.completeChained(outcome, now: clock.now()) {
                    builder.requestInvocation()
                }
            }
        } catch {
            logger.error("could not record chained outcome", metadata: ["arn": "\(parentArn)", "error": "\(error)"])
        }
    }
}

extension ErrorObject {
    /// The wire form of any error a handler, invoker or target threw.
    static func describing(_ error: any Error) -> ErrorObject {
        switch error {
        case let object as ErrorObject: object
        case let service as DurableServiceError: ErrorObject(errorType: service.type, errorMessage: service.message)
        default: ErrorObject(errorType: String(describing: type(of: error)), errorMessage: String(describing: error))
        }
    }
}
