import Durable
import Foundation

/// 4-15: a custom deserializer turns a JSON callback payload into a typed value with a `Date`.
public struct Conformance_4_15: DurableFunction {
    /// The typed callback payload.
    public struct Event: Codable, Sendable {
        /// The payload id.
        public var id: String
        /// The message.
        public var message: String
        /// The timestamp, parsed from ISO 8601 text.
        public var timestamp: Date
    }

    /// The handler's output: the event with its timestamp in epoch seconds.
    public struct Output: Codable, Sendable {
        /// The received event.
        public var received: Received
    }

    /// The event as returned.
    public struct Received: Codable, Sendable {
        /// The payload id.
        public var id: String
        /// The message.
        public var message: String
        /// The timestamp in seconds since 1970.
        public var timestamp: Int
    }

    /// Parses `{id, message, timestamp: "ISO 8601 with milliseconds"}`.
    public struct EventSerializer: PayloadSerializer {
        private struct Wire: Codable {
            var id: String
            var message: String
            var timestamp: String
        }

        /// Creates the serializer.
        public init() {}

        /// The event as JSON with an ISO 8601 timestamp.
        public func serialize(_ value: Event, context: SerializationContext) throws -> String? {
            let wire = Wire(id: value.id, message: value.message, timestamp: Self.formatter().string(from: value.timestamp))
            return String(decoding: try JSONEncoder().encode(wire), as: UTF8.self)
        }

        /// The event parsed from the callback's JSON text.
        public func deserialize(_ text: String?, context: SerializationContext) throws -> Event {
            let wire = try JSONDecoder().decode(Wire.self, from: Data((text ?? "").utf8))
            guard let date = Self.formatter().date(from: wire.timestamp) ?? ISO8601DateFormatter().date(from: wire.timestamp) else {
                throw DurableError(code: .serialization, message: "Bad timestamp: \(wire.timestamp)")
            }
            return Event(id: wire.id, message: wire.message, timestamp: date)
        }

        private static func formatter() -> ISO8601DateFormatter {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter
        }
    }

    /// Creates the handler.
    public init() {}

    /// Returns `{received: {id, message, timestamp}}` from the deserialized callback payload.
    public func run(_ input: String, context: DurableContext) async throws -> Output {
        let callback = try await context.createCallback(input, as: Event.self, configuration: CallbackConfiguration(serializer: EventSerializer()))
        let event = try await callback.result()
        return Output(received: Received(id: event.id, message: event.message, timestamp: Int(event.timestamp.timeIntervalSince1970)))
    }
}
