import DurableModel

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
        if let lastCheckpoint {
            writer.key("lastCheckpoint")
            writer.beginObject()
            writer.member("clientToken", lastCheckpoint.clientToken)
            writer.member("inboundToken", lastCheckpoint.inboundToken)
            writer.member("responseToken", lastCheckpoint.responseToken)
            writer.member("observedBefore", lastCheckpoint.observedBefore)
            writer.endObject()
        }
        writer.member("invocationPhase", invocationPhase.rawValue)
        if let currentInvocation {
            writer.key("currentInvocation")
            writer.beginObject()
            writer.member("requestId", currentInvocation.requestId)
            try writer.member("startTimestamp", currentInvocation.startTimestamp)
            writer.endObject()
        }
        writer.member("failedInvocations", failedInvocations)
        writer.member("idlePendingAnswers", idlePendingAnswers)
        writer.key("deferredChainedResults")
        writer.beginArray()
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
