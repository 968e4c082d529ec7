import Crypto
import DurableModel
import Foundation

/// The Lambda function management APIs: functions, published versions and aliases, kept in the
/// engine's store (when it is a `FunctionStore`) beside the functions compiled into the process.
///
/// A function compiled in (`register`, `host`) is listed as if created; the first write to it
/// (an update, a publish, an alias) stores it, after which the stored settings win.
extension DurableEngine {
    func requireFunctionStore() throws -> any FunctionStore {
        guard let functions = functionStore else {
            throw DurableServiceError.service("This service's store does not keep functions")
        }
        return functions
    }

    /// `arn:…:function:NAME[:QUALIFIER]`.
    public func functionArn(_ name: String, qualifier: String? = nil) -> String {
        "arn:\(configuration.partition):lambda:\(configuration.region):\(configuration.accountId):function:\(name)" + (qualifier.map { ":" + $0 } ?? "")
    }

    /// The `ResourceNotFoundException` for an unknown function (or version or alias of it).
    public func functionNotFoundError(_ name: String, qualifier: String? = nil) -> DurableServiceError {
        functionNotFound(name, qualifier: qualifier)
    }

    func functionNotFound(_ name: String, qualifier: String? = nil) -> DurableServiceError {
        .notFound("Function not found: \(functionArn(name, qualifier: qualifier))")
    }

    // MARK: - Reading

    /// The stored function, else the compiled-in one described as if created.
    func currentFunction(_ name: String) async throws -> (StoredFunction, stored: Bool)? {
        if let functions = functionStore {
            if let stored = try await functionLookups.function(named: name, read: { try await functions.function(named: name) }) {
                return (stored, true)
            }
        }
        guard let compiled = function(named: name) else { return nil }
        return (StoredFunction(latest: compiledConfiguration(compiled), generation: 0), false)
    }

    /// The `FunctionConfiguration` a compiled-in function shows until it is first written.
    func compiledConfiguration(_ function: FunctionConfiguration) -> LambdaFunctionConfiguration {
        if let (source, view) = state.withLock({ $0.compiledViews[function.name] }), source == function { return view }
        let view = makeCompiledConfiguration(function)
        state.withLock { $0.compiledViews[function.name] = (function, view) }
        return view
    }

    private func makeCompiledConfiguration(_ function: FunctionConfiguration) -> LambdaFunctionConfiguration {
        let timeout = function.invocationTimeoutSeconds ?? Int(configuration.invocationTimeout.seconds)
        return LambdaFunctionConfiguration(
            functionName: function.name, functionArn: functionArn(function.name), runtime: "provided.al2023",
            role: "arn:\(configuration.partition):iam::\(configuration.accountId):role/durable-service", handler: function.name,
            codeSize: 0, description: "Compiled into the durable service", timeout: min(max(timeout, 1), 900),
            lastModified: LambdaFunctionConfiguration.lastModifiedText(Self.processStart),
            codeSha256: Self.sha256(Data("compiled:\(function.name)".utf8)), revisionId: StableHash.uuid("revision:\(function.name)"),
            durableConfig: function.isDurable
                ? DurableConfig(executionTimeout: function.executionTimeoutSeconds, retentionPeriodInDays: function.retentionPeriodDays)
                : nil)
    }

    /// The stored (or compiled-in) function, stored now if it was only compiled in, for a write.
    func materializedFunction(_ name: String) async throws -> StoredFunction {
        let functions = try requireFunctionStore()
        guard let (current, stored) = try await currentFunction(name) else { throw functionNotFound(name) }
        if stored { return current }
        var first = current
        first.generation = 1
        if try await functions.putFunction(first, expectedGeneration: nil) { return first }
        // Another request stored it first.
        guard let again = try await functions.function(named: name) else { throw functionNotFound(name) }
        return again
    }

    /// Whether a function of this name exists (stored or compiled in).
    public func functionExists(_ name: String) async throws -> Bool {
        try await currentFunction(name) != nil
    }

    /// The runtime view of one version's configuration.
    static func runtimeView(_ c: LambdaFunctionConfiguration) -> FunctionConfiguration {
        FunctionConfiguration(name: c.functionName, isDurable: c.durableConfig != nil,
                              executionTimeoutSeconds: c.durableConfig?.executionTimeout ?? Self.defaultExecutionTimeout,
                              retentionPeriodDays: c.durableConfig?.retentionPeriodInDays ?? Self.defaultRetentionDays,
                              invocationTimeoutSeconds: c.timeout)
    }

    /// Resolves `qualifier` (nil or `$LATEST`, `$LATEST.PUBLISHED`, a version number or an alias) to
    /// one version of `name`; an alias with a weighted second version picks one by its weight.
    public func resolveFunction(_ name: String, qualifier: String?) async throws -> ResolvedFunction {
        guard let (function, stored) = try await currentFunction(name) else { throw functionNotFound(name) }
        let compiled = self.function(named: name)
        func latest() -> ResolvedFunction {
            // A compiled-in function never written keeps its registered settings (and timeout default).
            ResolvedFunction(configuration: stored ? Self.runtimeView(function.latest) : compiled!, version: "$LATEST")
        }
        func published(_ number: Int) async throws -> ResolvedFunction? {
            guard let version = try await functionStore?.version(functionName: name, number: number) else { return nil }
            return ResolvedFunction(configuration: Self.runtimeView(version), version: version.version)
        }
        let q = qualifier ?? "$LATEST"
        switch q {
        case "$LATEST":
            return latest()
        case "$LATEST.PUBLISHED":
            guard function.lastPublishedVersion > 0, let resolved = try await published(function.lastPublishedVersion) else {
                throw functionNotFound(name, qualifier: q)
            }
            return resolved
        case _ where !q.isEmpty && q.allSatisfy(\.isNumber):
            guard let number = Int(q), let resolved = try await published(number) else { throw functionNotFound(name, qualifier: q) }
            return resolved
        default:
            guard let alias = try await functionStore?.alias(functionName: name, name: q) else { throw functionNotFound(name, qualifier: q) }
            var target = alias.functionVersion
            if let (extra, weight) = alias.routingConfig?.additionalVersionWeights?.first, Double.random(in: 0..<1) < weight {
                target = extra
            }
            if target == "$LATEST" { return latest() }
            guard let number = Int(target), let resolved = try await published(number) else { throw functionNotFound(name, qualifier: target) }
            return resolved
        }
    }

    // MARK: - Functions

    /// `CreateFunction`.
    public func createFunction(_ request: CreateFunctionRequest) async throws -> LambdaFunctionConfiguration {
        defer { functionLookups.invalidate() }
        let functions = try requireFunctionStore()
        guard let rawName = request.functionName else { throw DurableServiceError.invalidParameter("FunctionName is required") }
        let name = try Self.bareName(rawName)
        guard let role = request.role else { throw DurableServiceError.invalidParameter("Role is required") }
        try FunctionValidation.role(role)
        try FunctionValidation.runtime(request.runtime)
        try FunctionValidation.handler(request.handler)
        try FunctionValidation.timeout(request.timeout)
        try FunctionValidation.memorySize(request.memorySize)
        try FunctionValidation.description(request.description)
        try FunctionValidation.durableConfig(request.durableConfig)
        let packageType = request.packageType ?? "Zip"
        guard packageType == "Zip" || packageType == "Image" else {
            throw FunctionValidation.violation(packageType, "packageType", "Member must satisfy enum value set: [Zip, Image]")
        }
        if let architectures = request.architectures {
            guard architectures.count == 1, ["x86_64", "arm64"].contains(architectures[0]) else {
                throw FunctionValidation.violation("\(architectures)", "architectures", "Member must have length less than or equal to 1 and satisfy enum value set: [x86_64, arm64]")
            }
        }
        guard let code = request.code else { throw DurableServiceError.invalidParameter("Code is required") }
        let package: Data
        if packageType == "Image" {
            guard let image = code.imageUri, !image.isEmpty else {
                throw DurableServiceError.invalidParameter("Please provide ImageUri when PackageType is Image.")
            }
            package = Data(image.utf8)
        } else {
            guard request.runtime != nil, request.handler != nil else {
                throw DurableServiceError.invalidParameter("Runtime and Handler are mandatory parameters for functions created with deployment packages.")
            }
            if let zip = code.zipFile {
                package = zip
            } else if let bucket = code.s3Bucket, let key = code.s3Key {
                package = Data("s3://\(bucket)/\(key)?\(code.s3ObjectVersion ?? "")".utf8)
            } else {
                throw DurableServiceError.invalidParameter("Please provide a source for function code.")
            }
        }
        let existing = try await functions.function(named: name)
        if function(named: name) != nil || existing != nil {
            throw DurableServiceError.conflict("Function already exist: \(name)")
        }
        let durable = request.durableConfig.map {
            DurableConfig(executionTimeout: $0.executionTimeout ?? Self.defaultExecutionTimeout,
                          retentionPeriodInDays: $0.retentionPeriodInDays ?? Self.defaultRetentionDays, kmsKeyArn: $0.kmsKeyArn)
        }
        let latest = LambdaFunctionConfiguration(
            functionName: name, functionArn: functionArn(name), runtime: request.runtime, role: role, handler: request.handler,
            codeSize: packageType == "Image" ? 0 : package.count, description: request.description ?? "", timeout: request.timeout ?? 3,
            memorySize: request.memorySize ?? 128, lastModified: LambdaFunctionConfiguration.lastModifiedText(clock.now()),
            codeSha256: Self.sha256(package), environment: request.environment.map { FunctionEnvironment(variables: $0.variables ?? [:]) },
            revisionId: UUID().uuidString.lowercased(), packageType: packageType, architectures: request.architectures ?? ["x86_64"],
            durableConfig: durable)
        guard try await functions.putFunction(StoredFunction(latest: latest), expectedGeneration: nil) else {
            throw DurableServiceError.conflict("Function already exist: \(name)")
        }
        if request.publish == true {
            // As Lambda does, the answer is then version 1's configuration.
            return try await publishVersion(functionName: name, request: PublishVersionRequest())
        }
        return latest
    }

    /// `GetFunction` / `GetFunctionConfiguration`: `$LATEST`, a version or an alias's version.
    public func getFunction(_ reference: String, qualifier: String?) async throws -> GetFunctionResponse {
        let (name, q) = try Self.splitReference(reference, qualifier: qualifier)
        guard let (function, _) = try await currentFunction(name) else { throw functionNotFound(name) }
        var configuration = function.latest
        switch q {
        case nil:
            break
        case "$LATEST":
            configuration.functionArn = functionArn(name, qualifier: "$LATEST")
        case let q?:
            var number = Int(q)
            if number == nil, q == "$LATEST.PUBLISHED" { number = function.lastPublishedVersion }
            if number == nil {
                guard let alias = try await functionStore?.alias(functionName: name, name: q) else { throw functionNotFound(name, qualifier: q) }
                if alias.functionVersion == "$LATEST" {
                    configuration.functionArn = functionArn(name, qualifier: q)
                    return GetFunctionResponse(configuration: configuration, code: Self.codeLocation(configuration))
                }
                number = Int(alias.functionVersion)
            }
            guard let number, let version = try await functionStore?.version(functionName: name, number: number) else {
                throw functionNotFound(name, qualifier: q)
            }
            configuration = version
        }
        return GetFunctionResponse(configuration: configuration, code: Self.codeLocation(configuration))
    }

    /// `ListFunctions`: `$LATEST` of every function by name, or (`FunctionVersion=ALL`) every version too.
    public func listFunctions(allVersions: Bool, marker: String?, maxItems: Int?) async throws -> ListFunctionsResponse {
        try FunctionValidation.maxItems(maxItems)
        let limit = maxItems ?? 50
        var position: FunctionListMarker?
        if let marker, !marker.isEmpty {
            guard let parsed = FunctionListMarker(marker) else { throw DurableServiceError.invalidParameter("Invalid Marker: \(marker)") }
            position = parsed
        }
        var page: [LambdaFunctionConfiguration] = []
        // Appends entries until the page is full; then answers the marker of its last entry.
        func add(_ entries: some Sequence<LambdaFunctionConfiguration>) -> String? {
            for entry in entries {
                if page.count == limit {
                    let last = page[page.count - 1]
                    return FunctionListMarker(functionName: last.functionName, version: allVersions ? last.version : nil).description
                }
                page.append(entry)
            }
            return nil
        }
        func entries(_ function: StoredFunction) async throws -> [LambdaFunctionConfiguration] {
            guard allVersions else { return [function.latest] }
            var latest = function.latest
            latest.functionArn = functionArn(function.name, qualifier: "$LATEST")
            return [latest] + (try await functionStore?.versions(functionName: function.name, after: nil, limit: Int.max) ?? [])
        }
        var after = position?.functionName
        if let position, let version = position.version, let (function, _) = try await currentFunction(position.functionName) {
            // The last page ended inside this function's versions.
            if let marker = add(try await entries(function).drop { $0.version != version }.dropFirst()) {
                return ListFunctionsResponse(functions: page, nextMarker: marker)
            }
        }
        let compiledNames = state.withLock { $0.functions.keys.sorted() }
        while true {
            let stored = try await functionStore?.functions(after: after, limit: limit + 1) ?? []
            let storedNames = Set(stored.map(\.name))
            var batch = stored
            for name in compiledNames where (after.map { name > $0 } ?? true) && !storedNames.contains(name) {
                if let compiled = function(named: name) { batch.append(StoredFunction(latest: compiledConfiguration(compiled), generation: 0)) }
            }
            batch.sort { $0.name < $1.name }
            // More stored functions follow: compiled-in names past the last one wait for the next batch.
            if stored.count > limit, let lastStored = stored.last?.name { batch.removeAll { $0.name > lastStored } }
            guard let last = batch.last?.name else { break }
            for function in batch {
                if let marker = add(try await entries(function)) { return ListFunctionsResponse(functions: page, nextMarker: marker) }
            }
            after = last
        }
        return ListFunctionsResponse(functions: page, nextMarker: nil)
    }

    /// `UpdateFunctionConfiguration`: changes `$LATEST` (published versions never change).
    public func updateFunctionConfiguration(_ reference: String, request: UpdateFunctionConfigurationRequest) async throws -> LambdaFunctionConfiguration {
        defer { functionLookups.invalidate() }
        let (name, qualifier) = try Self.splitReference(reference, qualifier: nil)
        if let qualifier, qualifier != "$LATEST" {
            throw DurableServiceError.invalidParameter("Only the $LATEST version can be updated; \(qualifier) is a published version or alias")
        }
        if let role = request.role { try FunctionValidation.role(role) }
        try FunctionValidation.runtime(request.runtime)
        try FunctionValidation.handler(request.handler)
        try FunctionValidation.timeout(request.timeout)
        try FunctionValidation.memorySize(request.memorySize)
        try FunctionValidation.description(request.description)
        try FunctionValidation.durableConfig(request.durableConfig)
        let functions = try requireFunctionStore()
        for _ in 0..<8 {
            var function = try await materializedFunction(name)
            if let revision = request.revisionId, revision != function.latest.revisionId { throw Self.revisionMismatch }
            var latest = function.latest
            if let durable = request.durableConfig {
                guard let current = latest.durableConfig else {
                    throw DurableServiceError.invalidParameter("DurableConfig can only be set when the function is created; \(name) is not a durable function")
                }
                latest.durableConfig = DurableConfig(executionTimeout: durable.executionTimeout ?? current.executionTimeout,
                                                     retentionPeriodInDays: durable.retentionPeriodInDays ?? current.retentionPeriodInDays,
                                                     kmsKeyArn: durable.kmsKeyArn ?? current.kmsKeyArn)
            }
            if let role = request.role { latest.role = role }
            if let runtime = request.runtime { latest.runtime = runtime }
            if let handler = request.handler { latest.handler = handler }
            if let timeout = request.timeout { latest.timeout = timeout }
            if let memory = request.memorySize { latest.memorySize = memory }
            if let description = request.description { latest.description = description }
            if let environment = request.environment { latest.environment = FunctionEnvironment(variables: environment.variables ?? [:]) }
            latest.lastModified = LambdaFunctionConfiguration.lastModifiedText(clock.now())
            latest.revisionId = UUID().uuidString.lowercased()
            let expected = function.generation
            function.latest = latest
            function.generation += 1
            if try await functions.putFunction(function, expectedGeneration: expected) { return latest }
        }
        throw DurableServiceError.conflict("The function \(name) is being updated concurrently; try again")
    }

    /// `DeleteFunction`: the whole function, or (with a qualifier) one published version.
    public func deleteFunction(_ reference: String, qualifier: String?) async throws {
        defer { functionLookups.invalidate() }
        let (name, q) = try Self.splitReference(reference, qualifier: qualifier)
        let functions = try requireFunctionStore()
        guard let (_, stored) = try await currentFunction(name) else { throw functionNotFound(name) }
        if let q {
            if q == "$LATEST" {
                throw DurableServiceError.invalidParameter("$LATEST version cannot be deleted without deleting the function.")
            }
            guard let number = Int(q) else {
                throw DurableServiceError.invalidParameter("Deletion of aliases is not supported by DeleteFunction; use DeleteAlias")
            }
            let aliases = try await functions.aliases(functionName: name, after: nil, limit: Int.max)
            if let alias = aliases.first(where: { $0.functionVersion == q || $0.routingConfig?.additionalVersionWeights?[q] != nil }) {
                throw DurableServiceError.conflict("Unable to delete version because the following aliases reference it: [\(alias.name)]")
            }
            guard try await functions.deleteVersion(functionName: name, number: number) else { throw functionNotFound(name, qualifier: q) }
            return
        }
        if function(named: name) != nil {
            throw DurableServiceError.conflict("Function \(name) is compiled into the service and cannot be deleted")
        }
        guard stored, try await functions.deleteFunction(named: name) else { throw functionNotFound(name) }
    }

    // MARK: - Versions

    /// `PublishVersion`: snapshots `$LATEST` (settings and `DurableConfig`) as the next version number;
    /// when nothing changed since the last version, answers that version instead.
    public func publishVersion(functionName reference: String, request: PublishVersionRequest) async throws -> LambdaFunctionConfiguration {
        defer { functionLookups.invalidate() }
        let (name, qualifier) = try Self.splitReference(reference, qualifier: nil)
        if qualifier != nil { throw DurableServiceError.invalidParameter("PublishVersion takes an unqualified function name") }
        try FunctionValidation.description(request.description)
        let functions = try requireFunctionStore()
        for _ in 0..<8 {
            var function = try await materializedFunction(name)
            if let revision = request.revisionId, revision != function.latest.revisionId { throw Self.revisionMismatch }
            if let sha = request.codeSha256, sha != function.latest.codeSha256 {
                throw DurableServiceError.invalidParameter("CodeSHA256 (\(sha)) is different from current CodeSHA256 in $LATEST (\(function.latest.codeSha256)). Please try again with the CodeSHA256 in $LATEST.")
            }
            if function.lastPublishedVersion > 0,
               let last = try await functions.version(functionName: name, number: function.lastPublishedVersion),
               Self.sameSettings(last, function.latest), request.description == nil || request.description == last.description {
                return last
            }
            let number = function.lastPublishedVersion + 1
            var version = function.latest
            version.version = String(number)
            version.functionArn = functionArn(name, qualifier: version.version)
            if let description = request.description { version.description = description }
            version.revisionId = UUID().uuidString.lowercased()
            let expected = function.generation
            function.lastPublishedVersion = number
            function.generation += 1
            if try await functions.publishVersion(version, function: function, expectedGeneration: expected) { return version }
        }
        throw DurableServiceError.conflict("The function \(name) is being updated concurrently; try again")
    }

    /// `ListVersionsByFunction`: `$LATEST`, then the published versions in order.
    public func listVersions(_ reference: String, marker: String?, maxItems: Int?) async throws -> ListVersionsByFunctionResponse {
        let (name, _) = try Self.splitReference(reference, qualifier: nil)
        try FunctionValidation.maxItems(maxItems)
        let limit = maxItems ?? 50
        guard let (function, _) = try await currentFunction(name) else { throw functionNotFound(name) }
        var after: Int?
        var page: [LambdaFunctionConfiguration] = []
        if let marker, !marker.isEmpty {
            guard let value = Int(marker), value >= 0 else { throw DurableServiceError.invalidParameter("Invalid Marker: \(marker)") }
            after = value
        } else {
            var latest = function.latest
            latest.functionArn = functionArn(name, qualifier: "$LATEST")
            page.append(latest)
        }
        let versions = try await functionStore?.versions(functionName: name, after: after, limit: limit + 1 - page.count) ?? []
        page += versions
        guard page.count > limit else { return ListVersionsByFunctionResponse(versions: page) }
        page.removeLast()
        // `$LATEST` alone on a page of one resumes from version 0.
        return ListVersionsByFunctionResponse(versions: page, nextMarker: page.last.map { $0.version == "$LATEST" ? "0" : $0.version })
    }

    // MARK: - Aliases

    /// `CreateAlias`.
    public func createAlias(functionName reference: String, request: CreateAliasRequest) async throws -> AliasConfiguration {
        defer { functionLookups.invalidate() }
        let (name, _) = try Self.splitReference(reference, qualifier: nil)
        guard let aliasName = request.name else { throw DurableServiceError.invalidParameter("Name is required") }
        guard let requestedVersion = request.functionVersion else { throw DurableServiceError.invalidParameter("FunctionVersion is required") }
        try FunctionValidation.aliasName(aliasName)
        try FunctionValidation.aliasVersion(requestedVersion)
        try FunctionValidation.description(request.description)
        let functions = try requireFunctionStore()
        let function = try await materializedFunction(name)
        let version = try await aliasTarget(function, requestedVersion)
        let routing = try await validatedRouting(function, request.routingConfig, primary: version)
        let alias = AliasConfiguration(aliasArn: functionArn(name, qualifier: aliasName), name: aliasName, functionVersion: version,
                                       description: request.description ?? "", routingConfig: routing,
                                       revisionId: UUID().uuidString.lowercased())
        guard try await functions.putAlias(alias, functionName: name, expectedRevision: nil) else {
            if try await functions.function(named: name) == nil { throw functionNotFound(name) }
            throw DurableServiceError.conflict("Alias already exists: \(alias.aliasArn)")
        }
        return alias
    }

    /// `GetAlias`.
    public func getAlias(functionName reference: String, name aliasName: String) async throws -> AliasConfiguration {
        let (name, _) = try Self.splitReference(reference, qualifier: nil)
        try FunctionValidation.aliasName(aliasName)
        guard try await currentFunction(name) != nil else { throw functionNotFound(name) }
        guard let alias = try await functionStore?.alias(functionName: name, name: aliasName) else {
            throw DurableServiceError.notFound("Alias not found: \(functionArn(name, qualifier: aliasName))")
        }
        return alias
    }

    /// `UpdateAlias`: moving an alias changes where new executions start, never running ones.
    public func updateAlias(functionName reference: String, name aliasName: String, request: UpdateAliasRequest) async throws -> AliasConfiguration {
        defer { functionLookups.invalidate() }
        let (name, _) = try Self.splitReference(reference, qualifier: nil)
        try FunctionValidation.aliasName(aliasName)
        if let version = request.functionVersion { try FunctionValidation.aliasVersion(version) }
        try FunctionValidation.description(request.description)
        let functions = try requireFunctionStore()
        for _ in 0..<8 {
            var alias = try await getAlias(functionName: name, name: aliasName)
            if let revision = request.revisionId, revision != alias.revisionId { throw Self.revisionMismatch }
            let function = try await materializedFunction(name)
            if let version = request.functionVersion { alias.functionVersion = try await aliasTarget(function, version) }
            if let description = request.description { alias.description = description }
            if let routing = request.routingConfig {
                alias.routingConfig = try await validatedRouting(function, routing, primary: alias.functionVersion)
            }
            let expected = alias.revisionId
            alias.revisionId = UUID().uuidString.lowercased()
            if try await functions.putAlias(alias, functionName: name, expectedRevision: expected) { return alias }
        }
        throw DurableServiceError.conflict("The alias \(aliasName) is being updated concurrently; try again")
    }

    /// `DeleteAlias`.
    public func deleteAlias(functionName reference: String, name aliasName: String) async throws {
        defer { functionLookups.invalidate() }
        let (name, _) = try Self.splitReference(reference, qualifier: nil)
        try FunctionValidation.aliasName(aliasName)
        guard try await currentFunction(name) != nil else { throw functionNotFound(name) }
        guard try await requireFunctionStore().deleteAlias(functionName: name, name: aliasName) else {
            throw DurableServiceError.notFound("Alias not found: \(functionArn(name, qualifier: aliasName))")
        }
    }

    /// `ListAliases`, optionally only those pointing at `functionVersion`.
    public func listAliases(functionName reference: String, functionVersion: String?, marker: String?, maxItems: Int?) async throws -> ListAliasesResponse {
        let (name, _) = try Self.splitReference(reference, qualifier: nil)
        try FunctionValidation.maxItems(maxItems)
        if let functionVersion { try FunctionValidation.aliasVersion(functionVersion) }
        guard try await currentFunction(name) != nil else { throw functionNotFound(name) }
        let limit = maxItems ?? 50
        var after = marker.flatMap { $0.isEmpty ? nil : $0 }
        var page: [AliasConfiguration] = []
        while true {
            let batch = try await functionStore?.aliases(functionName: name, after: after, limit: limit + 1) ?? []
            for alias in batch where functionVersion == nil || alias.functionVersion == functionVersion {
                if page.count == limit { return ListAliasesResponse(aliases: page, nextMarker: page.last?.name) }
                page.append(alias)
            }
            guard batch.count > limit, let last = batch.last else { return ListAliasesResponse(aliases: page) }
            after = last.name
        }
    }

    /// Creates a worker-served function (`durable serve --function`), or brings a stored one's
    /// `$LATEST` durable settings and timeout to `function`'s; published versions are left alone.
    public func ensureWorkerFunction(_ function: FunctionConfiguration) async throws {
        let durable = function.isDurable
            ? DurableConfig(executionTimeout: function.executionTimeoutSeconds, retentionPeriodInDays: function.retentionPeriodDays)
            : nil
        let timeout = min(max(function.invocationTimeoutSeconds ?? Int(configuration.invocationTimeout.seconds), 1), 900)
        if let stored = try await requireFunctionStore().function(named: function.name) {
            guard stored.latest.timeout != timeout || (durable != nil && stored.latest.durableConfig != durable) else { return }
            _ = try await updateFunctionConfiguration(function.name, request: UpdateFunctionConfigurationRequest(timeout: timeout, durableConfig: durable))
            return
        }
        _ = try await createFunction(CreateFunctionRequest(
            functionName: function.name, runtime: "provided.al2023",
            role: "arn:\(configuration.partition):iam::\(configuration.accountId):role/durable-service", handler: function.name,
            code: FunctionCode(zipFile: Data()), description: "Served by Runtime API workers", timeout: timeout, durableConfig: durable))
    }

    // MARK: - Helpers

    static let defaultExecutionTimeout = 86_400
    static let defaultRetentionDays = 14
    static let processStart = Date()
    static let revisionMismatch = DurableServiceError.preconditionFailed(
        "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id")

    /// The version an alias may point at: `$LATEST` or an existing published version.
    func aliasTarget(_ function: StoredFunction, _ requested: String) async throws -> String {
        if requested == "$LATEST" { return requested }
        let number = requested == "$LATEST.PUBLISHED" ? function.lastPublishedVersion : Int(requested) ?? -1
        guard number > 0, try await functionStore?.version(functionName: function.name, number: number) != nil else {
            throw functionNotFound(function.name, qualifier: requested)
        }
        return String(number)
    }

    func validatedRouting(_ function: StoredFunction, _ routing: AliasRoutingConfiguration?, primary: String) async throws -> AliasRoutingConfiguration? {
        guard let weights = routing?.additionalVersionWeights, !weights.isEmpty else { return nil }
        guard weights.count == 1, let (version, weight) = weights.first else {
            throw DurableServiceError.invalidParameter("Alias routing supports one additional version")
        }
        guard (0...1).contains(weight) else {
            throw FunctionValidation.violation(String(weight), "routingConfig.additionalVersionWeights", "Member must have value between 0.0 and 1.0")
        }
        guard primary != "$LATEST", version != primary else {
            throw DurableServiceError.invalidParameter("Alias routing needs two different published versions")
        }
        _ = try await aliasTarget(function, version)
        return AliasRoutingConfiguration(additionalVersionWeights: [version: weight])
    }

    /// Whether `a` and `b` differ only in what a publish changes.
    static func sameSettings(_ a: LambdaFunctionConfiguration, _ b: LambdaFunctionConfiguration) -> Bool {
        func normalized(_ c: LambdaFunctionConfiguration) -> LambdaFunctionConfiguration {
            var c = c
            c.version = ""
            c.functionArn = ""
            c.revisionId = ""
            c.description = ""
            c.lastModified = ""
            return c
        }
        return normalized(a) == normalized(b) && a.lastModified == b.lastModified
    }

    /// A function name, `name:qualifier` or ARN, split; an invalid one is an `InvalidParameterValueException`.
    static func splitReference(_ text: String, qualifier: String?) throws -> (String, String?) {
        guard let reference = ChainedFunctionReference(parsing: text) else {
            throw FunctionValidation.violation(text, "functionName", "Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?")
        }
        if let qualifier, let inline = reference.qualifier, qualifier != inline {
            throw DurableServiceError.invalidParameter("The derived qualifier from the function name does not match the specified qualifier.")
        }
        if let qualifier = qualifier ?? reference.qualifier {
            guard qualifier.utf8.count <= 128,
                  qualifier == "$LATEST" || qualifier == "$LATEST.PUBLISHED" || Validation.isIdentifier(qualifier, maxLength: 128) else {
                throw FunctionValidation.violation(qualifier, "qualifier", "Member must satisfy regular expression pattern: \\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+")
            }
        }
        return (reference.name, qualifier ?? reference.qualifier)
    }

    /// A new function's name: a bare name or an ARN without qualifier.
    static func bareName(_ text: String) throws -> String {
        let (name, qualifier) = try splitReference(text, qualifier: nil)
        if qualifier != nil {
            throw FunctionValidation.violation(text, "functionName", "Member must not carry a qualifier")
        }
        try FunctionValidation.name(name)
        return name
    }

    static func codeLocation(_ c: LambdaFunctionConfiguration) -> FunctionCodeLocation {
        c.packageType == "Image" ? FunctionCodeLocation(repositoryType: "ECR") : FunctionCodeLocation(repositoryType: "S3")
    }

    static func sha256(_ data: Data) -> String {
        Data(SHA256.hash(data: data)).base64EncodedString()
    }
}
