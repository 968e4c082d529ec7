import Durable
import DurableHosting
import DurableModel
import DurableServer
import DurableTesting
import Foundation
import Synchronization
import Testing

@Suite("Execution logs end to end")
struct ExecutionLogTests {
    /// Logs around a step and a wait, so the second invocation replays the first one's lines.
    static let function = DurableClosureFunction<String, String>(name: "logging") { input, context in
        context.logger.info("start \(input)")
        let greeting = try await context.step("greet") { step in
            step.logger.warning("in step \(input)")
            return "Hello, \(input)!"
        }
        try await context.wait("pause", for: .seconds(5))
        context.logger.info("after wait \(input)")
        return greeting
    }

    @Test("Handler lines and plugin records are stored per execution, in order, once despite replay")
    func storedInOrderOnce() async throws {
        try await DurableTestRunner.withRunner { runner in
            runner.register(Self.function, configuration: DurableRuntimeConfiguration(plugins: [JSONLogPlugin()]))
            let first = try await runner.start(Self.function, input: "ada")
            let second = try await runner.start(Self.function, input: "bob")
            #expect(try await first.result() == "Hello, ada!")
            #expect(try await second.result() == "Hello, bob!")

            let logs = try await first.logs()
            #expect(logs.map(\.message) == [
                #"{"hook":"invocation-start","first":true}"#, "start ada", #"{"hook":"attempt-start","n":1}"#, "in step ada",
                #"{"hook":"invocation-end","status":"PENDING"}"#,
                #"{"hook":"invocation-start","first":false}"#, "after wait ada", #"{"hook":"invocation-end","status":"SUCCEEDED"}"#,
            ])
            #expect(logs.allSatisfy { $0.executionArn == first.arn })
            // One request id per invocation, in the order the history records the invocations.
            let requestIds = try await first.history().filter { $0.eventType == .invocationCompleted }.compactMap(\.details.requestId)
            #expect(requestIds.count == 2)
            #expect(logs.map(\.requestId) == Array(repeating: requestIds[0], count: 5) + Array(repeating: requestIds[1], count: 3))
            let stepLine = try #require(logs.first { $0.message == "in step ada" })
            let greet = try #require(try await first.operation(named: "greet"))
            #expect(stepLine.level == "WARNING" && stepLine.operationId == greet.id && stepLine.attempt == 1)
            #expect(logs.first { $0.message == "start ada" }?.level == "INFO")
            #expect(zip(logs, logs.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })

            #expect(try await second.logs().map(\.message).filter { !$0.hasPrefix("{") } == ["start bob", "in step bob", "after wait bob"])

            let page = try await runner.engine.executionLogs(executionArn: first.arn, maxItems: 3)
            #expect(page.records == Array(logs.prefix(3)) && page.nextMarker == "3")
            let rest = try await runner.engine.executionLogs(executionArn: first.arn, marker: page.nextMarker, maxItems: 10)
            #expect(rest.records == Array(logs.dropFirst(3)) && rest.nextMarker == nil)
        }
    }

    @Test("The records of a crashed invocation are kept")
    func crashedInvocationKeepsItsRecords() async throws {
        struct Crash: Error {}
        let function = DurableClosureFunction<String, String>(name: "crashing") { input, context in
            let value = try await context.step("once") { step in
                step.logger.info("step ran for \(input)")
                return input
            }
            context.logger.info("returning \(value)")
            return value
        }
        let hosted = DurableEngine.hostedHandler(for: function)
        let invocations = Mutex(0)
        try await DurableTestRunner.withRunner { runner in
            runner.registerHandler("crashing") { input, client in
                let output = try await hosted(input, client)
                // The first invocation dies after its step was checkpointed, before answering.
                if invocations.withLock({ n in n += 1; return n }) == 1 { throw Crash() }
                return output
            }
            let execution = try await runner.start(functionNamed: "crashing", inputJSON: #""eve""#, as: String.self)
            #expect(try await execution.result() == "eve")
            let logs = try await execution.logs()
            // The step ran once; the line after it ran live in both invocations.
            #expect(logs.map(\.message) == ["step ran for eve", "returning eve", "returning eve"])
            #expect(logs[0].requestId == logs[1].requestId && logs[1].requestId != logs[2].requestId)
        }
    }
}
