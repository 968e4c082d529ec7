/// Turns operation results into the wire's payload strings and back.
public protocol PayloadSerializer<Value>: Sendable {
    /// The value type.
    associatedtype Value
    /// Serializes `value`; nil means "no payload".
    func serialize(_ value: Value, context: SerializationContext) throws -> String?
    /// Deserializes `text` (nil when the record carries no payload).
    func deserialize(_ text: String?, context: SerializationContext) throws -> Value
}

extension PayloadSerializer {
    /// Serialization with failures mapped to `DurableError(.serialization)`.
    func serializeChecked(_ value: Value, context: SerializationContext) throws(DurableError) -> String? {
        do { return try serialize(value, context: context) } catch let error as DurableError { throw error } catch {
            throw DurableError(code: .serialization, message: "Cannot serialize the result of operation \(context.operationId): \(error)")
        }
    }

    /// Deserialization with failures mapped to `DurableError(.serialization)`.
    func deserializeChecked(_ text: String?, context: SerializationContext) throws(DurableError) -> Value {
        do { return try deserialize(text, context: context) } catch let error as DurableError { throw error } catch {
            throw DurableError(code: .serialization, message: "Cannot deserialize the payload of operation \(context.operationId): \(error)")
        }
    }
}

extension PayloadSerializer {
    /// Whether deserializing this serializer's output always gives back a value equal in every respect
    /// to the one serialized: the default JSON serializer on a type whose JSON form is lossless.
    var roundTripsExactly: Bool {
        self is any LosslessJSONSerializer && Value.self is any LosslessJSONValue.Type
    }

    /// What a replay will see for `value`, serialized as `text`: `value` itself when the round trip is
    /// exact, else `text` deserialized (so the first run never sees more than a replay would).
    func roundTrip(_ value: Value, text: String?, context: SerializationContext) throws(DurableError) -> Value {
        if roundTripsExactly { return value }
        return try deserializeChecked(text, context: context)
    }
}
