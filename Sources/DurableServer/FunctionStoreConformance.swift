import DurableModel
import Foundation

/// The behaviour every `FunctionStore` must show, as plain checks any test target can run against
/// its store, the sibling of `ExecutionStoreConformance`.
public enum FunctionStoreConformance {
    /// One named check; it throws `ExecutionStoreConformance.ConformanceFailure` on the first violated expectation.
    public struct Check: Sendable {
        /// The check's name.
        public let name: String
        /// Runs the check against a fresh, empty store.
        public let run: @Sendable (any FunctionStore) async throws -> Void
    }

    /// Every check.
    public static let checks: [Check] = [
        Check(name: "functionsInsertOnceAndReplaceByGeneration", run: functionsInsertOnceAndReplaceByGeneration),
        Check(name: "functionsListByNameInPages", run: functionsListByNameInPages),
        Check(name: "publishStoresVersionAndFunctionTogether", run: publishStoresVersionAndFunctionTogether),
        Check(name: "aliasesInsertOnceAndReplaceByRevision", run: aliasesInsertOnceAndReplaceByRevision),
        Check(name: "deletingAFunctionDeletesItsVersionsAndAliases", run: deletingAFunctionDeletesItsVersionsAndAliases),
    ]

    /// Runs every check, each on a fresh store, and returns the failures (empty when the store conforms).
    public static func run(makeStore: @Sendable () async throws -> any FunctionStore) async -> [String] {
        var failures: [String] = []
        for check in checks {
            do {
                try await check.run(try await makeStore())
            } catch {
                failures.append("\(check.name): \(error)")
            }
        }
        return failures
    }

    // MARK: Fixtures

    static func configuration(_ name: String, version: String = "$LATEST", timeout: Int = 3, durable: Bool = true) -> LambdaFunctionConfiguration {
        LambdaFunctionConfiguration(
            functionName: name, functionArn: "arn:aws:lambda:us-east-1:123456789012:function:\(name)" + (version == "$LATEST" ? "" : ":\(version)"),
            runtime: "python3.13", role: "arn:aws:iam::123456789012:role/r", handler: "h.handler", codeSize: 22, timeout: timeout,
            lastModified: "2026-01-01T00:00:00.000+0000", codeSha256: "c2hh", version: version,
            environment: FunctionEnvironment(variables: ["K": "V"]), revisionId: "rev-\(name)-\(version)-\(timeout)",
            durableConfig: durable ? DurableConfig(executionTimeout: 600, retentionPeriodInDays: 7) : nil)
    }

    static func alias(_ function: String, _ name: String, version: String, revision: String) -> AliasConfiguration {
        AliasConfiguration(aliasArn: "arn:aws:lambda:us-east-1:123456789012:function:\(function):\(name)", name: name,
                           functionVersion: version, description: "d", routingConfig: nil, revisionId: revision)
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw ExecutionStoreConformance.ConformanceFailure(description: message()) }
    }

    // MARK: Checks

    static func functionsInsertOnceAndReplaceByGeneration(_ store: any FunctionStore) async throws {
        let first = StoredFunction(latest: configuration("fn"))
        try expect(try await store.putFunction(first, expectedGeneration: nil), "the first insert was refused")
        try expect(try await store.function(named: "fn") == first, "the stored function does not read back as written")
        var other = first
        other.latest.timeout = 9
        try expect(!(try await store.putFunction(other, expectedGeneration: nil)), "a second insert of the same name was accepted")
        other.generation = 2
        try expect(!(try await store.putFunction(other, expectedGeneration: 7)), "a replace naming a stale generation was accepted")
        try expect(try await store.function(named: "fn") == first, "a refused write changed the function")
        try expect(try await store.putFunction(other, expectedGeneration: 1), "a replace naming the current generation was refused")
        try expect(try await store.function(named: "fn") == other, "the replaced function does not read back as written")
        try expect(!(try await store.putFunction(StoredFunction(latest: configuration("ghost")), expectedGeneration: 1)),
                   "replacing a function that does not exist was accepted")
        try expect(try await store.function(named: "ghost") == nil, "a refused replace created a function")
    }

    static func functionsListByNameInPages(_ store: any FunctionStore) async throws {
        for name in ["charlie", "alpha", "bravo-2", "bravo"] {
            _ = try await store.putFunction(StoredFunction(latest: configuration(name)), expectedGeneration: nil)
        }
        let first = try await store.functions(after: nil, limit: 2).map(\.name)
        try expect(first == ["alpha", "bravo"], "first page is \(first)")
        let second = try await store.functions(after: "bravo", limit: 2).map(\.name)
        try expect(second == ["bravo-2", "charlie"], "second page is \(second)")
        let rest = try await store.functions(after: "charlie", limit: 2)
        try expect(rest.isEmpty, "a page after the last function is not empty")
        let all = try await store.functions(after: nil, limit: Int.max).map(\.name)
        try expect(all == ["alpha", "bravo", "bravo-2", "charlie"], "an unlimited listing is \(all)")
    }

    static func publishStoresVersionAndFunctionTogether(_ store: any FunctionStore) async throws {
        var function = StoredFunction(latest: configuration("fn", timeout: 3))
        _ = try await store.putFunction(function, expectedGeneration: nil)
        for number in 1...3 {
            let version = configuration("fn", version: String(number), timeout: number)
            var advanced = function
            advanced.lastPublishedVersion = number
            advanced.generation += 1
            try expect(try await store.publishVersion(version, function: advanced, expectedGeneration: function.generation),
                       "publishing version \(number) was refused")
            function = advanced
        }
        var stale = function
        stale.lastPublishedVersion = 4
        stale.generation = 99
        try expect(!(try await store.publishVersion(configuration("fn", version: "4"), function: stale, expectedGeneration: 1)),
                   "a publish naming a stale generation was accepted")
        try expect(try await store.version(functionName: "fn", number: 4) == nil, "a refused publish stored its version")
        try expect(try await store.function(named: "fn") == function, "the function does not show the last accepted publish")
        try expect(try await store.version(functionName: "fn", number: 2) == configuration("fn", version: "2", timeout: 2),
                   "version 2 does not read back as published")
        let page = try await store.versions(functionName: "fn", after: nil, limit: 2).map(\.version)
        try expect(page == ["1", "2"], "first versions page is \(page)")
        let next = try await store.versions(functionName: "fn", after: 2, limit: 2).map(\.version)
        try expect(next == ["3"], "second versions page is \(next)")
        try expect(try await store.deleteVersion(functionName: "fn", number: 2), "deleting version 2 was refused")
        try expect(!(try await store.deleteVersion(functionName: "fn", number: 2)), "deleting version 2 twice answered true")
        let left = try await store.versions(functionName: "fn", after: nil, limit: 10).map(\.version)
        try expect(left == ["1", "3"], "after deleting version 2 the versions are \(left)")
    }

    static func aliasesInsertOnceAndReplaceByRevision(_ store: any FunctionStore) async throws {
        try expect(!(try await store.putAlias(alias("fn", "live", version: "1", revision: "r1"), functionName: "fn", expectedRevision: nil)),
                   "an alias of a missing function was accepted")
        _ = try await store.putFunction(StoredFunction(latest: configuration("fn")), expectedGeneration: nil)
        let live = alias("fn", "live", version: "1", revision: "r1")
        try expect(try await store.putAlias(live, functionName: "fn", expectedRevision: nil), "the first alias insert was refused")
        try expect(!(try await store.putAlias(alias("fn", "live", version: "2", revision: "r9"), functionName: "fn", expectedRevision: nil)),
                   "a second insert of the same alias was accepted")
        let moved = alias("fn", "live", version: "2", revision: "r2")
        try expect(!(try await store.putAlias(moved, functionName: "fn", expectedRevision: "r0")), "a replace naming a stale revision was accepted")
        try expect(try await store.alias(functionName: "fn", name: "live") == live, "a refused write changed the alias")
        try expect(try await store.putAlias(moved, functionName: "fn", expectedRevision: "r1"), "a replace naming the current revision was refused")
        try expect(try await store.alias(functionName: "fn", name: "live") == moved, "the moved alias does not read back as written")
        for name in ["beta", "alpha"] {
            _ = try await store.putAlias(alias("fn", name, version: "$LATEST", revision: name), functionName: "fn", expectedRevision: nil)
        }
        let page = try await store.aliases(functionName: "fn", after: nil, limit: 2).map(\.name)
        try expect(page == ["alpha", "beta"], "first aliases page is \(page)")
        let next = try await store.aliases(functionName: "fn", after: "beta", limit: 2).map(\.name)
        try expect(next == ["live"], "second aliases page is \(next)")
        try expect(try await store.deleteAlias(functionName: "fn", name: "beta"), "deleting an alias was refused")
        try expect(try await store.alias(functionName: "fn", name: "beta") == nil, "a deleted alias still reads back")
        try expect(!(try await store.deleteAlias(functionName: "fn", name: "beta")), "deleting an alias twice answered true")
    }

    static func deletingAFunctionDeletesItsVersionsAndAliases(_ store: any FunctionStore) async throws {
        let function = StoredFunction(latest: configuration("fn"))
        _ = try await store.putFunction(function, expectedGeneration: nil)
        _ = try await store.putFunction(StoredFunction(latest: configuration("keep")), expectedGeneration: nil)
        var advanced = function
        advanced.lastPublishedVersion = 1
        advanced.generation = 2
        _ = try await store.publishVersion(configuration("fn", version: "1"), function: advanced, expectedGeneration: 1)
        _ = try await store.putAlias(alias("fn", "live", version: "1", revision: "r"), functionName: "fn", expectedRevision: nil)
        try expect(try await store.deleteFunction(named: "fn"), "deleting the function was refused")
        try expect(!(try await store.deleteFunction(named: "fn")), "deleting the function twice answered true")
        try expect(try await store.function(named: "fn") == nil, "the deleted function still reads back")
        try expect(try await store.version(functionName: "fn", number: 1) == nil, "the deleted function's version is left")
        try expect(try await store.alias(functionName: "fn", name: "live") == nil, "the deleted function's alias is left")
        try expect(try await store.function(named: "keep") != nil, "deleting one function deleted another")
        // The name can be used again, starting from scratch.
        try expect(try await store.putFunction(function, expectedGeneration: nil), "re-creating a deleted function was refused")
        try expect(try await store.versions(functionName: "fn", after: nil, limit: 10).isEmpty, "a re-created function inherited versions")
    }
}
