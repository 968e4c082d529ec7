/// Marks the SDK's default JSON serializer, whose output for a `LosslessJSONValue` decodes back to
/// the same value (a user serializer may transform values, so it never qualifies).
protocol LosslessJSONSerializer {}

extension JSONPayloadSerializer: LosslessJSONSerializer {}
