import ArgumentParser
import DurableClient
import DurableModel

/// `durable functions alias create|get|update|delete|list`.
struct AliasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alias", abstract: "Name a function version; executions started through an alias stay on the version it named.",
        subcommands: [Create.self, Get.self, Update.self, Delete.self, List.self])

    /// The routing options `create` and `update` share.
    struct Routing: ParsableArguments {
        @Option(help: "A second version and its share of new executions, as VERSION=WEIGHT (0.0-1.0).")
        var additionalVersion: String?

        func configuration() throws -> AliasRoutingConfiguration? {
            guard let additionalVersion else { return nil }
            let parts = additionalVersion.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let weight = Double(parts[1]) else { throw ValidationError("--additional-version: expected VERSION=WEIGHT") }
            return AliasRoutingConfiguration(additionalVersionWeights: [parts[0]: weight])
        }
    }

    /// `durable functions alias create FUNCTION ALIAS --version V`.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an alias.")

        @Argument(help: "The function name.")
        var function: String

        @Argument(help: "The alias name.")
        var alias: String

        @Option(help: "The version it names ($LATEST or a number).")
        var version: String

        @Option(help: "A description.")
        var description: String?

        @OptionGroup var routing: Routing
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let request = CreateAliasRequest(name: alias, functionVersion: version, description: description, routingConfig: try routing.configuration())
            try await options.run { try printAlias(try await options.client.createAlias(function, request), options) }
        }
    }

    /// `durable functions alias get FUNCTION ALIAS`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an alias.")

        @Argument(help: "The function name.")
        var function: String

        @Argument(help: "The alias name.")
        var alias: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run { try printAlias(try await options.client.getAlias(function, name: alias), options) }
        }
    }

    /// `durable functions alias update FUNCTION ALIAS [--version V]`.
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move an alias; running executions stay on their version.")

        @Argument(help: "The function name.")
        var function: String

        @Argument(help: "The alias name.")
        var alias: String

        @Option(help: "The version it names from now on.")
        var version: String?

        @Option(help: "A description.")
        var description: String?

        @Option(help: "Only update if the alias's RevisionId is still this one.")
        var revisionId: String?

        @OptionGroup var routing: Routing
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let request = UpdateAliasRequest(functionVersion: version, description: description, routingConfig: try routing.configuration(),
                                             revisionId: revisionId)
            try await options.run { try printAlias(try await options.client.updateAlias(function, name: alias, request), options) }
        }
    }

    /// `durable functions alias delete FUNCTION ALIAS`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an alias.")

        @Argument(help: "The function name.")
        var function: String

        @Argument(help: "The alias name.")
        var alias: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                try await options.client.deleteAlias(function, name: alias)
                if !options.json { print("deleted alias \(function):\(alias)") }
            }
        }
    }

    /// `durable functions alias list FUNCTION`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a function's aliases.")

        @Argument(help: "The function name.")
        var function: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                var all: [AliasConfiguration] = []
                var marker: String?
                repeat {
                    let page = try await options.client.listAliases(function, marker: marker, maxItems: 1000)
                    all += page.aliases
                    marker = page.nextMarker
                } while !(marker ?? "").isEmpty
                if options.json { try options.printJSON(ListAliasesResponse(aliases: all)); return }
                print(pad("ALIAS", 24) + pad("VERSION", 10) + "ARN")
                for a in all { print(pad(a.name, 24) + pad(a.functionVersion, 10) + a.aliasArn) }
            }
        }
    }
}

/// Prints an alias, or its JSON with `--json`.
func printAlias(_ alias: AliasConfiguration, _ options: ClientOptions) throws {
    if options.json { try options.printJSON(alias); return }
    print("Alias:    \(alias.name) → version \(alias.functionVersion)")
    if let (version, weight) = alias.routingConfig?.additionalVersionWeights?.first {
        print("Routing:  \(Int((weight * 100).rounded()))% of new executions to version \(version)")
    }
    print("ARN:      \(alias.aliasArn)")
    if !alias.description.isEmpty { print("About:    \(alias.description)") }
    print("Revision: \(alias.revisionId)")
}
