import DurableModel
import Foundation

/// The Lambda function management routes (`2015-03-31`) from the client side.
extension DurableHTTPClient {
    /// `CreateFunction`.
    public func createFunction(_ request: CreateFunctionRequest) async throws -> LambdaFunctionConfiguration {
        try await call(.POST, "/2015-03-31/functions", body: try Self.body(request))
    }

    /// `GetFunction`.
    public func getFunction(_ name: String, qualifier: String? = nil) async throws -> GetFunctionResponse {
        try await call(.GET, "/2015-03-31/functions/\(Self.encode(name))" + Self.query(["Qualifier": qualifier]))
    }

    /// `ListFunctions`, one page.
    public func listFunctions(allVersions: Bool = false, marker: String? = nil, maxItems: Int? = nil) async throws -> ListFunctionsResponse {
        try await call(.GET, "/2015-03-31/functions" + Self.query([
            "FunctionVersion": allVersions ? "ALL" : nil, "Marker": marker, "MaxItems": maxItems.map(String.init),
        ]))
    }

    /// Every function, following markers.
    public func allFunctions() async throws -> [LambdaFunctionConfiguration] {
        var functions: [LambdaFunctionConfiguration] = []
        var marker: String?
        repeat {
            let page = try await listFunctions(marker: marker, maxItems: 1000)
            functions += page.functions
            marker = page.nextMarker
        } while !(marker ?? "").isEmpty
        return functions
    }

    /// `UpdateFunctionConfiguration`.
    public func updateFunctionConfiguration(_ name: String, _ request: UpdateFunctionConfigurationRequest) async throws -> LambdaFunctionConfiguration {
        try await call(.PUT, "/2015-03-31/functions/\(Self.encode(name))/configuration", body: try Self.body(request))
    }

    /// `DeleteFunction` (a whole function, or one version with `qualifier`).
    public func deleteFunction(_ name: String, qualifier: String? = nil) async throws {
        let _: EmptyResponse = try await call(.DELETE, "/2015-03-31/functions/\(Self.encode(name))" + Self.query(["Qualifier": qualifier]))
    }

    /// `PublishVersion`.
    public func publishVersion(_ name: String, _ request: PublishVersionRequest = PublishVersionRequest()) async throws -> LambdaFunctionConfiguration {
        try await call(.POST, "/2015-03-31/functions/\(Self.encode(name))/versions", body: try Self.body(request))
    }

    /// `ListVersionsByFunction`, one page.
    public func listVersions(_ name: String, marker: String? = nil, maxItems: Int? = nil) async throws -> ListVersionsByFunctionResponse {
        try await call(.GET, "/2015-03-31/functions/\(Self.encode(name))/versions" + Self.query(["Marker": marker, "MaxItems": maxItems.map(String.init)]))
    }

    /// `CreateAlias`.
    public func createAlias(_ function: String, _ request: CreateAliasRequest) async throws -> AliasConfiguration {
        try await call(.POST, "/2015-03-31/functions/\(Self.encode(function))/aliases", body: try Self.body(request))
    }

    /// `GetAlias`.
    public func getAlias(_ function: String, name: String) async throws -> AliasConfiguration {
        try await call(.GET, "/2015-03-31/functions/\(Self.encode(function))/aliases/\(Self.encode(name))")
    }

    /// `UpdateAlias`.
    public func updateAlias(_ function: String, name: String, _ request: UpdateAliasRequest) async throws -> AliasConfiguration {
        try await call(.PUT, "/2015-03-31/functions/\(Self.encode(function))/aliases/\(Self.encode(name))", body: try Self.body(request))
    }

    /// `DeleteAlias`.
    public func deleteAlias(_ function: String, name: String) async throws {
        let _: EmptyResponse = try await call(.DELETE, "/2015-03-31/functions/\(Self.encode(function))/aliases/\(Self.encode(name))")
    }

    /// `ListAliases`, one page.
    public func listAliases(_ function: String, functionVersion: String? = nil, marker: String? = nil, maxItems: Int? = nil) async throws -> ListAliasesResponse {
        try await call(.GET, "/2015-03-31/functions/\(Self.encode(function))/aliases" + Self.query([
            "FunctionVersion": functionVersion, "Marker": marker, "MaxItems": maxItems.map(String.init),
        ]))
    }

    static func body(_ value: some Encodable) throws -> Data {
        try DurableJSON.encoder(.seconds).encode(value)
    }

    /// `?k=v&…` of the non-nil items, sorted by key; empty when there are none.
    static func query(_ items: [String: String?]) -> String {
        let pairs = items.compactMap { key, value in value.map { "\(key)=\(encode($0))" } }.sorted()
        return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
    }
}
