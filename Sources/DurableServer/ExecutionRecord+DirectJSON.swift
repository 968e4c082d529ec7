import DurableModel
import Foundation

extension ExecutionRecord {
    /// The record as the JSON document its `Codable` conformance writes (same members and values;
    /// member order aside), written directly instead of through `JSONEncoder`; nil when it holds a
    /// checkpointed completion or deferred chained results, rare states left to `JSONEncoder`.
    ///
    /// Stores rewrite the record whenever more than the progress counters change (an execution's
    /// start, every invocation's begin and end), and `JSONEncoder` spent more on it than on the
    /// SQL. `JSONDecoder` reads it back; the tests compare both codings field by field.
    public func directJSONDocument() throws -> String? {
        guard checkpointedCompletion == nil, deferredChainedResults.isEmpty else { return nil }
        var writer = DirectJSONWriter()
        writer.beginObject()
        writer.member("arn", arn)
        writer.member("functionName", functionName)
        writer.member("qualifier", qualifier)
        writer.member("executionName", executionName)
        writer.member("executionId", executionId)
        writer.member("functionArn", functionArn)
        writer.member("executedVersion", executedVersion)
        writer.member("status", status.rawValue)
        try writer.member("startTimestamp", startTimestamp)
        try writer.member("endTimestamp", endTimestamp)
        writer.member("inputPayload", inputPayload)
        writer.member("result", result)
        try writer.member("error", error)
        writer.member("executionTimeoutSeconds", executionTimeoutSeconds)
        writer.member("retentionPeriodDays", retentionPeriodDays)
        try writer.member("purgeAfter", purgeAfter)
        writer.member("tenantId", tenantId)
        writer.member("traceHeader", traceHeader)
        writer.member("parentExecutionArn", parentExecutionArn)
        writer.member("parentOperationId", parentOperationId)
        writer.member("version", version)
        writer.member("lastSequence", lastSequence)
        writer.member("lastPosition", lastPosition)
        writer.member("lastEventId", lastEventId)
        writer.member("observedSequence", observedSequence)
        writer.member("previousInvocationSequence", previousInvocationSequence)
        writer.member("checkpointToken", checkpointToken)
        try writer.member("lastCheckpoint", lastCheckpoint)
        writer.member("invocationPhase", invocationPhase.rawValue)
        try writer.member("currentInvocation", currentInvocation)
        writer.member("failedInvocations", failedInvocations)
        writer.member("idlePendingAnswers", idlePendingAnswers)
        writer.key("deferredChainedResults")
        writer.beginArray()
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    /// Reads a document `directJSONDocument` or `JSONEncoder` wrote; nil when the reader declines it
    /// and `JSONDecoder` must decide: a checkpointed completion, deferred chained results, a receipt
    /// in its pre-receipt form, a required member missing, or anything malformed (so the error a
    /// caller sees is always `JSONDecoder`'s).
    public init?(directJSONDocument text: String) {
        struct Declined: Error {}
        var arn, functionName, qualifier, executionName, executionId, functionArn, executedVersion: String?
        var status: ExecutionStatus?
        var startTimestamp: Date?
        var executionTimeoutSeconds, retentionPeriodDays: Int?
        var version, lastSequence, lastPosition, lastEventId, observedSequence, previousInvocationSequence: Int?
        var invocationPhase: InvocationPhase?
        var failedInvocations, idlePendingAnswers: Int?
        var endTimestamp, purgeAfter: Date?
        var inputPayload, result, tenantId, traceHeader, parentExecutionArn, parentOperationId, checkpointToken: String?
        var error: ErrorObject?
        var lastCheckpoint: CachedCheckpoint?
        var currentInvocation: InvocationTicket?
        var sawDeferred = false
        do {
            try DirectJSONReader.parse(text) { reader in
                try reader.readObject { reader, key in
                    switch key {
                    case "arn": arn = try reader.readString()
                    case "functionName": functionName = try reader.readString()
                    case "qualifier": qualifier = try reader.readString()
                    case "executionName": executionName = try reader.readString()
                    case "executionId": executionId = try reader.readString()
                    case "functionArn": functionArn = try reader.readString()
                    case "executedVersion": executedVersion = try reader.readString()
                    case "status": status = try reader.readRawValue(ExecutionStatus.self)
                    case "startTimestamp": startTimestamp = try reader.readDate()
                    case "endTimestamp": endTimestamp = try reader.readOptional { try $0.readDate() }
                    case "inputPayload": inputPayload = try reader.readOptional { try $0.readString() }
                    case "result": result = try reader.readOptional { try $0.readString() }
                    case "error": error = try reader.readOptional { try ErrorObject(directJSON: &$0) }
                    case "executionTimeoutSeconds": executionTimeoutSeconds = try reader.readInt()
                    case "retentionPeriodDays": retentionPeriodDays = try reader.readInt()
                    case "purgeAfter": purgeAfter = try reader.readOptional { try $0.readDate() }
                    case "tenantId": tenantId = try reader.readOptional { try $0.readString() }
                    case "traceHeader": traceHeader = try reader.readOptional { try $0.readString() }
                    case "parentExecutionArn": parentExecutionArn = try reader.readOptional { try $0.readString() }
                    case "parentOperationId": parentOperationId = try reader.readOptional { try $0.readString() }
                    case "version": version = try reader.readInt()
                    case "lastSequence": lastSequence = try reader.readInt()
                    case "lastPosition": lastPosition = try reader.readInt()
                    case "lastEventId": lastEventId = try reader.readInt()
                    case "observedSequence": observedSequence = try reader.readInt()
                    case "previousInvocationSequence": previousInvocationSequence = try reader.readInt()
                    case "checkpointToken": checkpointToken = try reader.readOptional { try $0.readString() }
                    case "lastCheckpoint": lastCheckpoint = try reader.readOptional { try CachedCheckpoint(directJSON: &$0) }
                    case "invocationPhase": invocationPhase = try reader.readRawValue(InvocationPhase.self)
                    case "currentInvocation": currentInvocation = try reader.readOptional { try InvocationTicket(directJSON: &$0) }
                    case "failedInvocations": failedInvocations = try reader.readInt()
                    case "idlePendingAnswers": idlePendingAnswers = try reader.readInt()
                    case "checkpointedCompletion":
                        if try !reader.readNull() { throw Declined() }
                    case "deferredChainedResults":
                        sawDeferred = true
                        try reader.readArray { _ in throw Declined() }
                    default: try reader.skipValue()
                    }
                }
            }
        } catch {
            return nil
        }
        guard let arn, let functionName, let qualifier, let executionName, let executionId, let functionArn,
              let executedVersion, let status, let startTimestamp, let executionTimeoutSeconds, let retentionPeriodDays,
              let version, let lastSequence, let lastPosition, let lastEventId, let observedSequence,
              let previousInvocationSequence, let invocationPhase, let failedInvocations, let idlePendingAnswers,
              sawDeferred else { return nil }
        self.init(arn: arn, functionName: functionName, qualifier: qualifier, executionName: executionName,
                  executionId: executionId, functionArn: functionArn, executedVersion: executedVersion,
                  startTimestamp: startTimestamp, inputPayload: inputPayload, executionTimeoutSeconds: executionTimeoutSeconds,
                  retentionPeriodDays: retentionPeriodDays, tenantId: tenantId, traceHeader: traceHeader,
                  parentExecutionArn: parentExecutionArn, parentOperationId: parentOperationId)
        self.status = status
        self.endTimestamp = endTimestamp
        self.result = result
        self.error = error
        self.purgeAfter = purgeAfter
        self.version = version
        self.lastSequence = lastSequence
        self.lastPosition = lastPosition
        self.lastEventId = lastEventId
        self.observedSequence = observedSequence
        self.previousInvocationSequence = previousInvocationSequence
        self.checkpointToken = checkpointToken
        self.lastCheckpoint = lastCheckpoint
        self.invocationPhase = invocationPhase
        self.currentInvocation = currentInvocation
        self.failedInvocations = failedInvocations
        self.idlePendingAnswers = idlePendingAnswers
    }
}

extension ExecutionRecord {
    /// The record as stored in a `record` column: the direct coding, or `JSONEncoder`'s for the rare
    /// states the direct writer leaves to it. Both stores write records through this.
    public func storeDocument() throws -> String {
        try directJSONDocument() ?? StoreJSON.encode(self)
    }

    /// Reads a `record` column: directly, or with `JSONDecoder` when the direct reader declines.
    public init(storeDocument text: String) throws {
        self = try Self(directJSONDocument: text) ?? StoreJSON.decode(Self.self, from: text)
    }
}

extension CachedCheckpoint: DirectJSONCodable {
    /// Reads the receipt form; the pre-receipt form (a whole cached response) is left to `JSONDecoder`,
    /// so reading it here fails with a missing `observedBefore`.
    public init(directJSON reader: inout DirectJSONReader) throws {
        var clientToken, inboundToken, responseToken: String?
        var observedBefore: Int?
        try reader.readObject { reader, key in
            switch key {
            case "clientToken": clientToken = try reader.readString()
            case "inboundToken": inboundToken = try reader.readString()
            case "responseToken": responseToken = try reader.readOptional { try $0.readString() }
            case "observedBefore": observedBefore = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        guard let clientToken else { throw reader.missing("clientToken", in: Self.self) }
        guard let inboundToken else { throw reader.missing("inboundToken", in: Self.self) }
        guard let observedBefore else { throw reader.missing("observedBefore", in: Self.self) }
        self.init(clientToken: clientToken, inboundToken: inboundToken, responseToken: responseToken, observedBefore: observedBefore)
    }

    /// Writes the members `encode(to:)` writes.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("clientToken", clientToken)
        writer.member("inboundToken", inboundToken)
        writer.member("responseToken", responseToken)
        writer.member("observedBefore", observedBefore)
        writer.endObject()
    }
}

extension InvocationTicket: DirectJSONCodable {
    /// Reads the members the synthesized `Codable` conformance writes.
    public init(directJSON reader: inout DirectJSONReader) throws {
        var requestId: String?
        var startTimestamp: Date?
        try reader.readObject { reader, key in
            switch key {
            case "requestId": requestId = try reader.readString()
            case "startTimestamp": startTimestamp = try reader.readDate()
            default: try reader.skipValue()
            }
        }
        guard let requestId else { throw reader.missing("requestId", in: Self.self) }
        guard let startTimestamp else { throw reader.missing("startTimestamp", in: Self.self) }
        self.init(requestId: requestId, startTimestamp: startTimestamp)
    }

    /// Writes the members the synthesized `Codable` conformance writes.
    public func write(to writer: inout DirectJSONWriter) throws {
        writer.beginObject()
        writer.member("requestId", requestId)
        try writer.member("startTimestamp", startTimestamp)
        writer.endObject()
    }
}
