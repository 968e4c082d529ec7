import ArgumentParser
import DurableClient
import DurableModel
import Foundation

/// `durable functions create|get|list|update|delete|publish|versions|alias`: the Lambda function management APIs.
struct FunctionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "functions", abstract: "Create, inspect, version and alias functions.",
        subcommands: [Create.self, Get.self, List.self, Update.self, Delete.self, Publish.self, Versions.self, AliasCommand.self])

    /// The settings `create` and `update` share.
    struct Settings: ParsableArguments {
        @Option(help: "Seconds one invocation may run (1-900; AWS's default is 3).")
        var timeout: Int?

        @Option(help: "Memory in MB (128-10240).")
        var memorySize: Int?

        @Option(help: "A description.")
        var description: String?

        @Option(help: "DurableConfig.ExecutionTimeout: seconds one execution may run (1-31622400).")
        var executionTimeout: Int?

        @Option(help: "DurableConfig.RetentionPeriodInDays: days a closed execution is kept (1-90).")
        var retentionDays: Int?

        @Option(help: "An environment variable as KEY=VALUE (repeatable; replaces all of them).")
        var env: [String] = []

        func environment() throws -> FunctionEnvironment? {
            guard !env.isEmpty else { return nil }
            var variables: [String: String] = [:]
            for pair in env {
                guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else { throw ValidationError("--env \(pair): expected KEY=VALUE") }
                variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            return FunctionEnvironment(variables: variables)
        }

        var durableConfig: DurableConfig? {
            executionTimeout == nil && retentionDays == nil ? nil : DurableConfig(executionTimeout: executionTimeout, retentionPeriodInDays: retentionDays)
        }
    }

    /// `durable functions create NAME`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a function (durable unless --plain); workers serve it unless it is compiled into the service.")

        @Argument(help: "The function name.")
        var name: String

        @Flag(help: "A plain (non-durable) function: Invoke returns its answer, no execution is recorded.")
        var plain = false

        @Option(help: "The runtime identifier.")
        var runtime = "provided.al2023"

        @Option(help: "The handler entry point.")
        var handler = "bootstrap"

        @Option(help: "The execution role ARN.")
        var role = "arn:aws:iam::123456789012:role/durable-worker"

        @Option(help: "A zip file with the code (stored as a digest, never run by the service; default: an empty archive).")
        var zipFile: String?

        @Flag(help: "Publish version 1 at once.")
        var publish = false

        @OptionGroup var settings: Settings
        @OptionGroup var options: ClientOptions

        func run() async throws {
            var zip = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
            if let zipFile {
                guard let data = FileManager.default.contents(atPath: zipFile) else { throw ValidationError("cannot read \(zipFile)") }
                zip = data
            }
            if plain, settings.durableConfig != nil { throw ValidationError("--plain takes no --execution-timeout or --retention-days") }
            let request = CreateFunctionRequest(
                functionName: name, runtime: runtime, role: role, handler: handler, code: FunctionCode(zipFile: zip),
                description: settings.description, timeout: settings.timeout, memorySize: settings.memorySize, publish: publish,
                environment: try settings.environment(), durableConfig: plain ? nil : settings.durableConfig ?? DurableConfig())
            try await options.run {
                let created = try await options.client.createFunction(request)
                if options.json { try options.printJSON(created); return }
                printConfiguration(created)
            }
        }
    }

    /// `durable functions get NAME`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a function's configuration ($LATEST, a version or an alias's).")

        @Argument(help: "The function name (or NAME:QUALIFIER).")
        var name: String

        @Option(help: "A version number, $LATEST or an alias.")
        var qualifier: String?

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                let function = try await options.client.getFunction(name, qualifier: qualifier)
                if options.json { try options.printJSON(function); return }
                printConfiguration(function.configuration)
            }
        }
    }

    /// `durable functions list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List functions.")

        @Flag(help: "List every published version too.")
        var allVersions = false

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                var all: [LambdaFunctionConfiguration] = []
                var marker: String?
                repeat {
                    let page = try await options.client.listFunctions(allVersions: allVersions, marker: marker, maxItems: 1000)
                    all += page.functions
                    marker = page.nextMarker
                } while !(marker ?? "").isEmpty
                if options.json { try options.printJSON(ListFunctionsResponse(functions: all)); return }
                print(pad("NAME", 32) + pad("VERSION", 10) + pad("KIND", 9) + pad("TIMEOUT", 9) + "EXECUTION TIMEOUT")
                for f in all {
                    print(pad(f.functionName, 32) + pad(f.version, 10) + pad(f.durableConfig == nil ? "plain" : "durable", 9)
                          + pad("\(f.timeout)s", 9) + (f.durableConfig?.executionTimeout.map { "\($0)s" } ?? "-"))
                }
            }
        }
    }

    /// `durable functions update NAME`.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a function's $LATEST configuration.")

        @Argument(help: "The function name.")
        var name: String

        @Option(help: "The runtime identifier.")
        var runtime: String?

        @Option(help: "The handler entry point.")
        var handler: String?

        @Option(help: "The execution role ARN.")
        var role: String?

        @Option(help: "Only update if the configuration's RevisionId is still this one.")
        var revisionId: String?

        @OptionGroup var settings: Settings
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let request = UpdateFunctionConfigurationRequest(
                role: role, handler: handler, description: settings.description, timeout: settings.timeout, memorySize: settings.memorySize,
                environment: try settings.environment(), runtime: runtime, revisionId: revisionId, durableConfig: settings.durableConfig)
            try await options.run {
                let updated = try await options.client.updateFunctionConfiguration(name, request)
                if options.json { try options.printJSON(updated); return }
                printConfiguration(updated)
            }
        }
    }

    /// `durable functions delete NAME`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a function, or one published version of it.")

        @Argument(help: "The function name.")
        var name: String

        @Option(help: "Delete only this published version.")
        var qualifier: String?

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                try await options.client.deleteFunction(name, qualifier: qualifier)
                if !options.json { print("deleted \(name)\(qualifier.map { ":" + $0 } ?? "")") }
            }
        }
    }

    /// `durable functions publish NAME`.
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish $LATEST as a new, immutable version.")

        @Argument(help: "The function name.")
        var name: String

        @Option(help: "The version's description.")
        var description: String?

        @Option(help: "Only publish if $LATEST's RevisionId is still this one.")
        var revisionId: String?

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                let version = try await options.client.publishVersion(name, PublishVersionRequest(description: description, revisionId: revisionId))
                if options.json { try options.printJSON(version); return }
                printConfiguration(version)
            }
        }
    }

    /// `durable functions versions NAME`.
    struct Versions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a function's versions.")

        @Argument(help: "The function name.")
        var name: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                var all: [LambdaFunctionConfiguration] = []
                var marker: String?
                repeat {
                    let page = try await options.client.listVersions(name, marker: marker, maxItems: 1000)
                    all += page.versions
                    marker = page.nextMarker
                } while !(marker ?? "").isEmpty
                if options.json { try options.printJSON(ListVersionsByFunctionResponse(versions: all)); return }
                print(pad("VERSION", 10) + pad("TIMEOUT", 9) + pad("EXECUTION TIMEOUT", 19) + "DESCRIPTION")
                for v in all {
                    print(pad(v.version, 10) + pad("\(v.timeout)s", 9) + pad(v.durableConfig?.executionTimeout.map { "\($0)s" } ?? "-", 19) + v.description)
                }
            }
        }
    }
}

/// Prints one function version's configuration as aligned lines.
func printConfiguration(_ c: LambdaFunctionConfiguration) {
    print("Function:   \(c.functionName)")
    print("ARN:        \(c.functionArn)")
    print("Version:    \(c.version)")
    print("Runtime:    \(c.runtime ?? "-")  Handler: \(c.handler ?? "-")")
    print("Timeout:    \(c.timeout)s  Memory: \(c.memorySize) MB")
    if let durable = c.durableConfig {
        print("Durable:    execution timeout \(durable.executionTimeout.map { "\($0)s" } ?? "-"), retention \(durable.retentionPeriodInDays.map { "\($0) days" } ?? "-")")
    } else {
        print("Durable:    no (plain function)")
    }
    if !c.description.isEmpty { print("About:      \(c.description)") }
    print("Revision:   \(c.revisionId)")
}
