/// The protocol's limits, shared by the SDK and the service.
public enum DurableLimits {
    /// Longest wait, retry delay or execution timeout: 366 days in seconds.
    public static let maxDurationSeconds = 31_622_400
    /// Largest `Payload` / `Result` string of an operation.
    public static let maxPayloadCharacters = 6_291_456
    /// Child-context results above this are checkpointed with `ReplayChildren`.
    public static let replayChildrenThresholdBytes = 262_144
    /// Largest serialized `ErrorObject`.
    public static let maxErrorBytes = 32_768
    /// Largest chained-invoke input or output.
    public static let maxChainedInvokePayloadBytes = 1_048_576
    /// Largest callback success body.
    public static let maxCallbackResultBytes = 262_144
    /// Largest handler response the SDK returns inline (6 MiB minus 50 bytes).
    public static let maxInlineResultBytes = 6 * 1024 * 1024 - 50
    /// Largest synchronous Invoke payload.
    public static let maxSyncInvokePayloadBytes = 6 * 1024 * 1024
    /// Largest asynchronous Invoke payload.
    public static let maxAsyncInvokePayloadBytes = 1024 * 1024
    /// Default and largest page sizes.
    public static let defaultPageSize = 100
    /// Largest `MaxItems`.
    public static let maxPageSize = 1000
}
