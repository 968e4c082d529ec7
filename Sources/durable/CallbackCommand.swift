import ArgumentParser
import DurableClient
import DurableModel

/// `durable callback succeed|fail|heartbeat ID`.
struct CallbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callback", abstract: "Complete or heartbeat a callback.",
        subcommands: [Succeed.self, Fail.self, Heartbeat.self])

    /// Completes a callback with a result.
    struct Succeed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Complete a callback successfully.")
        @Argument(help: "The callback id.") var id: String
        @Option(help: "The result as JSON text, or @file.") var result: String?
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let body = try result.map { try readPayload($0) }
            try await options.run {
                try await options.client.succeedCallback(id: id, result: body)
                if options.json { try options.printJSON([String: String]()) } else { print("callback \(id) succeeded") }
            }
        }
    }

    /// Fails a callback.
    struct Fail: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fail a callback.")
        @Argument(help: "The callback id.") var id: String
        @Option(help: "The error type.") var errorType: String = "CallbackFailed"
        @Option(help: "The error message.") var message: String = ""
        @Option(help: "Extra error data.") var data: String?
        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                try await options.client.failCallback(id: id, error: ErrorObject(errorType: errorType, errorMessage: message, errorData: data))
                if options.json { try options.printJSON([String: String]()) } else { print("callback \(id) failed") }
            }
        }
    }

    /// Sends a heartbeat.
    struct Heartbeat: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a callback heartbeat.")
        @Argument(help: "The callback id.") var id: String
        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                try await options.client.heartbeatCallback(id: id)
                if options.json { try options.printJSON([String: String]()) } else { print("callback \(id) heartbeat sent") }
            }
        }
    }
}
