import ArgumentParser
import DurableClient
import DurableModel

/// `durable stop ARN`.
struct StopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop a running execution.")
    @Argument(help: "The execution's ARN.") var arn: String
    @Option(help: "Why (recorded as the execution's error message).") var reason: String?
    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.run {
            let error = reason.map { ErrorObject(errorType: "ExecutionStopped", errorMessage: $0) }
            let answer = try await options.client.stop(arn: arn, error: error)
            if options.json { try options.printJSON(answer) } else { print("stopped at \(formatTime(answer.stopTimestamp))") }
        }
    }
}
