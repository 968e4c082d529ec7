import DurableModel
@testable import DurableServer
import Foundation
import Testing

/// Functions, versions and aliases through the engine: what `CreateFunction`, `PublishVersion` and
/// the alias APIs store, and how a qualifier resolves to the version an execution is pinned to.
@Suite("Function registry and version resolution")
struct FunctionRegistryTests {
    static func create(_ engine: DurableEngine, _ name: String, timeout: Int = 30, durable: DurableConfig? = DurableConfig(executionTimeout: 600)) async throws {
        _ = try await engine.createFunction(CreateFunctionRequest(
            functionName: name, runtime: "python3.13", role: "arn:aws:iam::123456789012:role/r", handler: "h.handler",
            code: FunctionCode(zipFile: Data("zip".utf8)), timeout: timeout, durableConfig: durable))
    }

    @Test func qualifiersResolveToVersions() async throws {
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: InProcessInvoker())
        try await Self.create(engine, "fn", timeout: 10)
        #expect(try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest()).version == "1")
        _ = try await engine.createAlias(functionName: "fn", request: CreateAliasRequest(name: "live", functionVersion: "1"))
        _ = try await engine.updateFunctionConfiguration("fn", request: UpdateFunctionConfigurationRequest(
            timeout: 20, durableConfig: DurableConfig(executionTimeout: 900)))
        #expect(try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest()).version == "2")

        let latest = try await engine.resolveFunction("fn", qualifier: nil)
        #expect(latest.version == "$LATEST" && latest.configuration.invocationTimeoutSeconds == 20)
        let one = try await engine.resolveFunction("fn", qualifier: "1")
        #expect(one.version == "1" && one.configuration.invocationTimeoutSeconds == 10 && one.configuration.executionTimeoutSeconds == 600)
        #expect(try await engine.resolveFunction("fn", qualifier: "live").version == "1")
        #expect(try await engine.resolveFunction("fn", qualifier: "$LATEST.PUBLISHED").version == "2")
        _ = try await engine.updateAlias(functionName: "fn", name: "live", request: UpdateAliasRequest(functionVersion: "2"))
        #expect(try await engine.resolveFunction("fn", qualifier: "live").configuration.executionTimeoutSeconds == 900)

        let missingVersion = await serviceError { _ = try await engine.resolveFunction("fn", qualifier: "3") }
        #expect(missingVersion == .notFound("Function not found: arn:aws:lambda:us-east-1:123456789012:function:fn:3"))
        let missingAlias = await serviceError { _ = try await engine.resolveFunction("fn", qualifier: "nope") }
        #expect(missingAlias?.type == "ResourceNotFoundException")
        let missing = await serviceError { _ = try await engine.resolveFunction("ghost", qualifier: nil) }
        #expect(missing == .notFound("Function not found: arn:aws:lambda:us-east-1:123456789012:function:ghost"))
    }

    @Test func startPinsTheExecutionToTheResolvedVersion() async throws {
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: InProcessInvoker())
        try await Self.create(engine, "fn")
        _ = try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest())
        _ = try await engine.createAlias(functionName: "fn", request: CreateAliasRequest(name: "live", functionVersion: "1"))
        let started = try await engine.startExecution(StartExecutionRequest(functionName: "fn", qualifier: "live", inputPayload: "{}"))
        let arn = try #require(DurableExecutionARN(started.executionArn))
        #expect(arn.qualifier == "1")
        #expect(started.record.executedVersion == "1")
        #expect(try await engine.describeExecution(executionArn: started.executionArn).functionArn
            == "arn:aws:lambda:us-east-1:123456789012:function:fn:1")
        // A plain function has no executions.
        try await Self.create(engine, "plain", durable: nil)
        let refused = await serviceError { _ = try await engine.startExecution(StartExecutionRequest(functionName: "plain")) }
        #expect(refused?.type == "InvalidParameterValueException")
    }

    @Test func workersOfTheOtherVersionNeverSeeThePinnedJob() async throws {
        let workers = WorkerInvoker()
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: workers)
        try await Self.create(engine, "fn")
        _ = try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest())
        _ = try await engine.createAlias(functionName: "fn", request: CreateAliasRequest(name: "live", functionVersion: "1"))
        _ = try await engine.updateFunctionConfiguration("fn", request: UpdateFunctionConfigurationRequest(timeout: 40))
        _ = try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in engine.makeInvocationServices() { group.addTask { try await service.run() } }
            defer { group.cancelAll() }
            let first = try await engine.startExecution(StartExecutionRequest(functionName: "fn", qualifier: "live", inputPayload: "{}"))
            _ = try await engine.updateAlias(functionName: "fn", name: "live", request: UpdateAliasRequest(functionVersion: "2"))
            let second = try await engine.startExecution(StartExecutionRequest(functionName: "fn", qualifier: "live", inputPayload: "{}"))
            // Each version's queue holds exactly its own execution's invocation.
            let two = try await workers.next(functionName: "fn", version: "2")
            #expect(two.version == "2" && two.payload.contains(second.executionArn))
            let one = try await workers.next(functionName: "fn", version: "1")
            #expect(one.version == "1" && one.payload.contains(first.executionArn))
            // The version's own Timeout bounds the invocation.
            #expect(abs(two.deadline.timeIntervalSinceNow - 40) < 5 && abs(one.deadline.timeIntervalSinceNow - 30) < 5)
            #expect(workers.isAwaiting(requestId: one.requestId) && workers.isAwaiting(requestId: two.requestId))
            workers.fail(requestId: one.requestId, error: ErrorObject(errorType: "Test", errorMessage: "done"))
            workers.fail(requestId: two.requestId, error: ErrorObject(errorType: "Test", errorMessage: "done"))
        }
    }

    @Test func aPlainFunctionRunsOnItsVersionsWorkersWithinItsTimeout() async throws {
        let workers = WorkerInvoker(plainInvocationTimeout: .seconds(900))
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: workers)
        try await Self.create(engine, "plain", timeout: 1, durable: nil)
        _ = try await engine.publishVersion(functionName: "plain", request: PublishVersionRequest())
        _ = try await engine.createAlias(functionName: "plain", request: CreateAliasRequest(name: "live", functionVersion: "1"))
        async let answered = engine.invokePlainFunction("plain", qualifier: "live", payload: #"{"n":1}"#)
        let job = try await workers.next(functionName: "plain", version: "1")
        #expect(job.payload == #"{"n":1}"# && job.version == "1")
        workers.respond(requestId: job.requestId, body: #"{"ok":true}"#)
        let (version, result) = try await answered
        #expect(version == "1" && (try? result.get()) == #"{"ok":true}"#)
        // Nobody answers: the version's one-second Timeout, not the invoker's 900, ends the invocation.
        let (_, unanswered) = try await engine.invokePlainFunction("plain", qualifier: nil, payload: "{}")
        guard case .failure(let error) = unanswered else { Issue.record("an unanswered invocation succeeded"); return }
        #expect(error.errorType == "Sandbox.Timedout")
    }

    @Test func compiledFunctionsAreListedAndStoredOnFirstWrite() async throws {
        let store = InMemoryExecutionStore()
        let engine = DurableEngine(store: store, invoker: InProcessInvoker())
        engine.register(FunctionConfiguration(name: "compiled", executionTimeoutSeconds: 120))
        try await Self.create(engine, "alpha")
        let listed = try await engine.listFunctions(allVersions: false, marker: nil, maxItems: nil).functions
        #expect(listed.map(\.functionName) == ["alpha", "compiled"])
        #expect(listed[1].durableConfig?.executionTimeout == 120)
        #expect(try await store.function(named: "compiled") == nil)
        #expect(try await engine.publishVersion(functionName: "compiled", request: PublishVersionRequest()).version == "1")
        #expect(try await store.function(named: "compiled")?.lastPublishedVersion == 1)
        let refused = await serviceError { try await engine.deleteFunction("compiled", qualifier: nil) }
        #expect(refused?.type == "ResourceConflictException")
        let duplicate = await serviceError { try await Self.create(engine, "compiled") }
        #expect(duplicate == .conflict("Function already exist: compiled"))
        // Paging walks stored and compiled functions alike.
        let first = try await engine.listFunctions(allVersions: false, marker: nil, maxItems: 1)
        #expect(first.functions.map(\.functionName) == ["alpha"])
        let second = try await engine.listFunctions(allVersions: false, marker: first.nextMarker, maxItems: 1)
        #expect(second.functions.map(\.functionName) == ["compiled"] && second.nextMarker == nil)
    }

    @Test func anUnchangedPublishReturnsTheLastVersion() async throws {
        let engine = DurableEngine(store: InMemoryExecutionStore(), invoker: InProcessInvoker())
        try await Self.create(engine, "fn")
        #expect(try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest()).version == "1")
        #expect(try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest()).version == "1")
        let stale = await serviceError {
            _ = try await engine.publishVersion(functionName: "fn", request: PublishVersionRequest(revisionId: "old"))
        }
        #expect(stale?.type == "PreconditionFailedException" && stale?.statusCode == 412)
        let versions = try await engine.listVersions("fn", marker: nil, maxItems: nil).versions.map(\.version)
        #expect(versions == ["$LATEST", "1"])
    }
}
