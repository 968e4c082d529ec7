import Durable

/// 5-16: an invoke whose result a custom serdes upper-cases (expected result `"HELLO"` with quotes).
///
/// The result serializer upper-cases the raw result text, JSON quotes included, so the echoed
/// `"hello"` comes back as the string `"HELLO"`.
public struct Conformance_5_16: DurableFunction {
    /// Reads a payload as its raw text upper-cased; writes values as JSON.
    public struct UppercaseTextSerializer: PayloadSerializer {
        /// Creates the serializer.
        public init() {}

        /// The JSON string of `value`.
        public func serialize(_ value: String, context: SerializationContext) throws -> String? {
            try JSONPayloadSerializer<String>().serialize(value, context: context)
        }

        /// The stored text upper-cased, not decoded.
        public func deserialize(_ text: String?, context: SerializationContext) throws -> String {
            (text ?? "").uppercased()
        }
    }

    /// Creates the handler.
    public init() {}

    /// Returns the echoed input's payload text upper-cased.
    public func run(_ input: String, context: DurableContext) async throws -> String {
        try await context.invoke(
            function: InvokeTargets.echo, input: input, as: String.self,
            payloadSerializer: JSONPayloadSerializer<String>(), resultSerializer: UppercaseTextSerializer())
    }
}
