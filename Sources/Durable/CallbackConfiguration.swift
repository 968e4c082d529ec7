/// Options of `DurableContext.createCallback`.
public struct CallbackConfiguration<T: Codable & Sendable>: Sendable {
    /// Time until the callback times out; nil means never.
    public var timeout: Duration?
    /// Longest time without a heartbeat; nil means no heartbeat is required.
    public var heartbeatTimeout: Duration?
    /// Decodes the result the external system sent (JSON by default; `RawStringSerializer` passes text through).
    public var serializer: any PayloadSerializer<T>

    /// Creates a configuration.
    public init(timeout: Duration? = nil, heartbeatTimeout: Duration? = nil, serializer: any PayloadSerializer<T> = JSONPayloadSerializer<T>()) {
        self.timeout = timeout
        self.heartbeatTimeout = heartbeatTimeout
        self.serializer = serializer
    }
}
