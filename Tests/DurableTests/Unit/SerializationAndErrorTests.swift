@testable import Durable
import DurableModel
import Foundation
import Testing

@Suite("Serializers and error conversion")
struct SerializationAndErrorTests {
    struct Payload: Codable, Sendable, Equatable {
        var name: String
        var when: Date
        var tags: [String]?
    }

    let context = SerializationContext(operationId: "op", executionArn: "arn")

    @Test("JSON round trip is compact, sorted and uses ISO-8601 dates")
    func json() throws {
        let value = Payload(name: "a/b", when: Date(timeIntervalSince1970: 0), tags: nil)
        let text = try JSONPayloadSerializer<Payload>().serialize(value, context: context)
        #expect(text == #"{"name":"a/b","when":"1970-01-01T00:00:00Z"}"#)
        #expect(try JSONPayloadSerializer<Payload>().deserialize(text, context: context) == value)
        #expect(try JSONPayloadSerializer<Int?>().deserialize(nil, context: context) == nil)
    }

    @Test("Only the default serializer on a lossless type skips decoding what it just encoded")
    func exactRoundTrips() throws {
        #expect(JSONPayloadSerializer<Int>().roundTripsExactly)
        #expect(JSONPayloadSerializer<[String]>().roundTripsExactly)
        #expect(JSONPayloadSerializer<DurableVoid>().roundTripsExactly)
        #expect(!JSONPayloadSerializer<Double>().roundTripsExactly)
        #expect(!JSONPayloadSerializer<Int?>().roundTripsExactly)
        #expect(!JSONPayloadSerializer<Payload>().roundTripsExactly)
        #expect(!RawStringSerializer().roundTripsExactly)
        // A date loses its fraction in JSON: the first run must see what a replay will decode.
        let when = Date(timeIntervalSince1970: 1.75)
        let serializer = JSONPayloadSerializer<Date>()
        let text = try serializer.serialize(when, context: context)
        #expect(try serializer.roundTrip(when, text: text, context: context) == Date(timeIntervalSince1970: 1))
    }

    @Test("Bad payloads become serialization errors")
    func badPayload() {
        #expect { try JSONPayloadSerializer<Int>().deserializeChecked("\"x\"", context: context) } throws: {
            ($0 as? DurableError)?.code == .serialization
        }
    }

    @Test("Raw strings pass through")
    func raw() throws {
        #expect(try RawStringSerializer().serialize("not json", context: context) == "not json")
        #expect(try RawStringSerializer().deserialize(nil, context: context) == "")
    }

    @Test("Execution input: absent decodes as {} or null, present as JSON")
    func input() throws {
        struct Empty: Codable { var x: Int? }
        #expect(try DurableRuntime.decodeInput(Empty.self, from: nil).x == nil)
        #expect(try DurableRuntime.decodeInput(String?.self, from: "  ") == nil)
        #expect(try DurableRuntime.decodeInput(Int.self, from: "42") == 42)
    }

    struct Declined: Error, CustomStringConvertible { var description: String { "card declined" } }
    struct Custom: DurableErrorConvertible {
        var errorObject: ErrorObject { ErrorObject(errorType: "Payment.Declined", errorMessage: "no funds", errorData: "{\"code\":51}") }
    }

    @Test("Error conversion: type name and description by default, or the error's own object")
    func conversion() {
        #expect(ErrorConversion.errorObject(from: Declined()) == ErrorObject(errorType: "Declined", errorMessage: "card declined"))
        #expect(ErrorConversion.errorObject(from: Custom()).errorType == "Payment.Declined")
        let durable = DurableError(code: .stepFailed, errorObject: ErrorObject(errorType: "X", errorMessage: "y"))
        #expect(ErrorConversion.errorObject(from: durable) == ErrorObject(errorType: "X", errorMessage: "y"))
        #expect(DurableError(code: .nonDeterministicExecution, message: "m").errorType == "NonDeterministicExecutionError")
    }

    @Test("Oversized errors are trimmed to the service's limit")
    func trimming() throws {
        let huge = ErrorObject(errorType: "Big", errorMessage: String(repeating: "m", count: 100_000), errorData: String(repeating: "d", count: 100_000),
                               stackTrace: Array(repeating: "frame", count: 10_000))
        let fitted = ErrorConversion.fitted(huge)
        #expect(try DurableJSON.string(fitted).utf8.count <= DurableLimits.maxErrorBytes)
        #expect(fitted.errorType == "Big")
    }

    @Test("Checkpoint errors: stale token, throttling and 5xx are retryable, other 4xx fatal")
    func classification() {
        #expect(DurableRuntime.isRetryable(DurableServiceError.invalidParameter(DurableServiceError.invalidCheckpointTokenMessage)))
        #expect(DurableRuntime.isRetryable(DurableServiceError.tooManyRequests("slow")))
        #expect(DurableRuntime.isRetryable(DurableServiceError.service("down")))
        #expect(DurableRuntime.isRetryable(URLError(.timedOut)))
        #expect(!DurableRuntime.isRetryable(DurableServiceError.invalidParameter("Invalid parent operation id.")))
        #expect(!DurableRuntime.isRetryable(DurableServiceError(type: "KMSDisabledException", message: "k", statusCode: 502)))
    }
}
