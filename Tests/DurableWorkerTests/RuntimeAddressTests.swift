@testable import DurableWorker
import Durable
import Testing

@Suite("DurableWorker configuration: AWS_LAMBDA_RUNTIME_API and the functions a process serves")
struct RuntimeAddressTests {
    static let echo = DurableClosureFunction<String, String>(name: "echo") { input, _ in input }
    static let shout = DurableClosureFunction<String, String>(name: "shout") { input, _ in input.uppercased() }

    @Test func aBareAddressServesEveryFunctionUnderItsOwnName() throws {
        let worker = try DurableWorker(functions: [WorkerFunction(Self.echo), WorkerFunction(Self.shout, concurrency: 3)],
                                       configuration: DurableWorkerConfiguration(runtimeAPI: "127.0.0.1:9000", endpoint: "http://127.0.0.1:9000"))
        #expect(worker.routes == ["http://127.0.0.1:9000/functions/echo/2018-06-01/runtime",
                                  "http://127.0.0.1:9000/functions/shout/2018-06-01/runtime"])
    }

    @Test func aPrefixPicksTheOneFunctionItNames() throws {
        let worker = try DurableWorker(functions: [WorkerFunction(Self.echo), WorkerFunction(Self.shout)],
                                       configuration: DurableWorkerConfiguration(runtimeAPI: "localhost:9000/functions/shout/", endpoint: "http://x:1"))
        #expect(worker.functions.map(\.name) == ["shout"])
        #expect(worker.routes == ["http://localhost:9000/functions/shout/2018-06-01/runtime"])
    }

    @Test func aSingleFunctionIsServedUnderTheNameThePrefixGives() throws {
        let worker = try DurableWorker(functions: [WorkerFunction(Self.echo)],
                                       configuration: DurableWorkerConfiguration(runtimeAPI: "h:1/functions/renamed", endpoint: "http://h:1"))
        #expect(worker.functions.map(\.name) == ["renamed"])
    }

    @Test func badConfigurationsAreErrorsWithCodes() {
        let configuration = DurableWorkerConfiguration(runtimeAPI: "h:1/functions/other", endpoint: "http://h:1")
        #expect(throws: DurableWorkerError(.unknownFunction, "AWS_LAMBDA_RUNTIME_API names 'functions/other', which is none of echo, shout")) {
            try DurableWorker(functions: [WorkerFunction(Self.echo), WorkerFunction(Self.shout)], configuration: configuration)
        }
        for bad in ["", "no-port", "host:0", "host:99999", ":9000", "host:9000/a?b"] {
            #expect(throws: DurableWorkerError.self) { try RuntimeAddress(bad) }
        }
        #expect(throws: DurableWorkerError.self) {
            try DurableWorker(functions: [], configuration: DurableWorkerConfiguration(runtimeAPI: "h:1", endpoint: "http://h:1"))
        }
        #expect(throws: DurableWorkerError.self) {
            try DurableWorker(functions: [WorkerFunction(Self.echo, concurrency: 0)],
                              configuration: DurableWorkerConfiguration(runtimeAPI: "h:1", endpoint: "http://h:1"))
        }
        #expect(throws: DurableWorkerError.self) {
            try DurableWorker(functions: [WorkerFunction(Self.echo), WorkerFunction(Self.echo)],
                              configuration: DurableWorkerConfiguration(runtimeAPI: "h:1", endpoint: "http://h:1"))
        }
    }

    @Test func theEnvironmentNamesTheRuntimeAPIAndTheEndpoint() throws {
        let explicit = try DurableWorkerConfiguration.fromEnvironment([
            "AWS_LAMBDA_RUNTIME_API": "10.0.0.5:9000/functions/echo", "AWS_ENDPOINT_URL_LAMBDA": "http://10.0.0.5:9000",
        ])
        #expect(explicit.runtimeAPI == "10.0.0.5:9000/functions/echo")
        #expect(explicit.endpoint == "http://10.0.0.5:9000")
        let derived = try DurableWorkerConfiguration.fromEnvironment(["AWS_LAMBDA_RUNTIME_API": "svc:9001"])
        #expect(derived.endpoint == "http://svc:9001")
        #expect(throws: DurableWorkerError.self) { try DurableWorkerConfiguration.fromEnvironment([:]) }
    }

    @Test func backoffDoublesUpToItsBoundWithJitter() {
        var backoff = WorkerBackoff(initial: .milliseconds(100), maximum: .seconds(1))
        let delays = (0..<8).map { _ in backoff.next() }
        #expect(delays[0] >= .milliseconds(50) && delays[0] <= .milliseconds(100))
        #expect(delays[2] >= .milliseconds(200) && delays[2] <= .milliseconds(400))
        #expect(delays.allSatisfy { $0 <= .seconds(1) })
        #expect(delays[7] >= .milliseconds(500))
        backoff.reset()
        #expect(backoff.next() <= .milliseconds(100))
    }
}
