import DurableModel
import DurableServer
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The Lambda function management routes (`2015-03-31`): functions, versions and aliases.
extension DurableAPI {
    /// Adds `CreateFunction`, `GetFunction`, `GetFunctionConfiguration`, `ListFunctions`,
    /// `UpdateFunctionConfiguration`, `DeleteFunction`, `PublishVersion`, `ListVersionsByFunction`,
    /// `CreateAlias`, `GetAlias`, `UpdateAlias`, `DeleteAlias` and `ListAliases`.
    public func addFunctionRoutes<Context: RequestContext>(to router: Router<Context>) {
        let base = "/2015-03-31/functions"
        router.post(RouterPath(base)) { request, _ in
            let body: CreateFunctionRequest = try await Self.body(request)
            return try Self.json(try await engine.createFunction(body), status: .created)
        }
        router.get(RouterPath(base)) { request, _ in
            let q = request.uri.queryParameters
            var all = false
            if let version = q.get("FunctionVersion") {
                guard version == "ALL" else {
                    throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(version)' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]")
                }
                all = true
            }
            return try Self.json(try await engine.listFunctions(allVersions: all, marker: q.get("Marker"), maxItems: try Self.listLimit(q.get("MaxItems"))))
        }
        router.get(RouterPath("\(base)/:function")) { request, context in
            let name = try Self.functionParameter(context)
            return try Self.json(try await engine.getFunction(name, qualifier: try Self.qualifier(request)))
        }
        router.delete(RouterPath("\(base)/:function")) { request, context in
            try await engine.deleteFunction(try Self.functionParameter(context), qualifier: try Self.qualifier(request))
            return Response(status: .noContent)
        }
        router.get(RouterPath("\(base)/:function/configuration")) { request, context in
            let name = try Self.functionParameter(context)
            return try Self.json(try await engine.getFunction(name, qualifier: try Self.qualifier(request)).configuration)
        }
        router.put(RouterPath("\(base)/:function/configuration")) { request, context in
            let body: UpdateFunctionConfigurationRequest = try await Self.body(request)
            return try Self.json(try await engine.updateFunctionConfiguration(try Self.functionParameter(context), request: body))
        }
        router.post(RouterPath("\(base)/:function/versions")) { request, context in
            let body: PublishVersionRequest = try await Self.body(request)
            return try Self.json(try await engine.publishVersion(functionName: try Self.functionParameter(context), request: body), status: .created)
        }
        router.get(RouterPath("\(base)/:function/versions")) { request, context in
            let q = request.uri.queryParameters
            return try Self.json(try await engine.listVersions(try Self.functionParameter(context), marker: q.get("Marker"),
                                                               maxItems: try Self.listLimit(q.get("MaxItems"))))
        }
        router.post(RouterPath("\(base)/:function/aliases")) { request, context in
            let body: CreateAliasRequest = try await Self.body(request)
            return try Self.json(try await engine.createAlias(functionName: try Self.functionParameter(context), request: body), status: .created)
        }
        router.get(RouterPath("\(base)/:function/aliases")) { request, context in
            let q = request.uri.queryParameters
            return try Self.json(try await engine.listAliases(functionName: try Self.functionParameter(context), functionVersion: q.get("FunctionVersion"),
                                                              marker: q.get("Marker"), maxItems: try Self.listLimit(q.get("MaxItems"))))
        }
        router.get(RouterPath("\(base)/:function/aliases/:alias")) { _, context in
            try Self.json(try await engine.getAlias(functionName: try Self.functionParameter(context), name: try Self.aliasParameter(context)))
        }
        router.put(RouterPath("\(base)/:function/aliases/:alias")) { request, context in
            let body: UpdateAliasRequest = try await Self.body(request)
            return try Self.json(try await engine.updateAlias(functionName: try Self.functionParameter(context), name: try Self.aliasParameter(context),
                                                              request: body))
        }
        router.delete(RouterPath("\(base)/:function/aliases/:alias")) { _, context in
            try await engine.deleteAlias(functionName: try Self.functionParameter(context), name: try Self.aliasParameter(context))
            return Response(status: .noContent)
        }
    }

    // MARK: Helpers

    static func functionParameter<Context: RequestContext>(_ context: Context) throws -> String {
        let raw = try context.parameters.require("function")
        guard let name = raw.removingPercentEncoding else { throw DurableServiceError.invalidParameter("Malformed percent-encoding in the function name") }
        return name
    }

    static func aliasParameter<Context: RequestContext>(_ context: Context) throws -> String {
        let raw = try context.parameters.require("alias")
        guard let name = raw.removingPercentEncoding else { throw DurableServiceError.invalidParameter("Malformed percent-encoding in the alias name") }
        return name
    }

    static func qualifier(_ request: Request) throws -> String? {
        guard let q = request.uri.queryParameters.get("Qualifier") else { return nil }
        guard !q.isEmpty, q.utf8.count <= 128 else {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(q)' at 'qualifier' failed to satisfy constraint: Member must have length between 1 and 128")
        }
        return q
    }

    /// `MaxItems` of the function list APIs (1...10,000).
    static func listLimit(_ text: String?) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else {
            throw DurableServiceError.invalidParameter("1 validation error detected: Value '\(text)' at 'maxItems' failed to satisfy constraint: Member must be an integer")
        }
        return value
    }

    /// Decodes a JSON body (an empty one as `{}`).
    static func body<T: Decodable>(_ request: Request) async throws -> T {
        var request = request
        let buffer = try await collect(&request, upTo: 70 * 1024 * 1024)
        if buffer.readableBytes == 0 { return try decode(ByteBuffer(string: "{}")) }
        return try decode(buffer)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        var response = try json(value)
        response.status = status
        return response
    }
}
