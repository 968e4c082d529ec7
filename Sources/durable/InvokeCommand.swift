import ArgumentParser
import DurableClient
import DurableModel
import Foundation

/// `durable invoke FUNCTION`: start an execution, and by default wait for its end.
struct InvokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "invoke", abstract: "Start an execution of a function.")

    @Argument(help: "The function's name, name:qualifier or ARN.")
    var function: String

    @Option(help: "The input as JSON text, or @file.")
    var payload: String?

    @Option(help: "The execution name (idempotency key).")
    var name: String?

    @Flag(help: "Return as soon as the execution has started.")
    var async = false

    @Option(help: "A version number, $LATEST or an alias (resolved once, at the start).")
    var qualifier: String?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let input = try readPayload(payload)
        try await options.run {
            let client = options.client
            // A plain function has no execution to follow: its answer is the invoke's.
            let target = try await client.getFunction(function, qualifier: qualifier).configuration
            if target.durableConfig == nil {
                let answer = try await client.invoke(function: function, payload: input, asynchronous: async, qualifier: qualifier)
                if !answer.payload.isEmpty { print(answer.payload) }
                if answer.functionError != nil { throw ExitCode(1) }
                return
            }
            let started = try await client.invoke(function: function, payload: input, executionName: name, asynchronous: true,
                                                  qualifier: qualifier)
            guard let arn = started.executionArn else {
                print(started.payload)
                return
            }
            if async {
                if options.json { try options.printJSON(["DurableExecutionArn": arn]) } else { print(arn) }
                return
            }
            let description = try await waitWithProgress(client: client, arn: arn)
            if options.json { try options.printJSON(description); return }
            print("\(description.status.rawValue)  \(arn)")
            if let result = description.result { print(result) }
            if let error = description.error { print("\(error.errorType ?? "Error"): \(error.errorMessage ?? "")") }
            if description.status != .succeeded { throw ExitCode(1) }
        }
    }

    /// Polls the execution, rewriting one progress line on standard error, until it closes.
    func waitWithProgress(client: DurableHTTPClient, arn: String) async throws -> GetDurableExecutionResponse {
        let start = Date()
        let interactive = isatty(STDERR_FILENO) != 0
        while true {
            let description = try await client.execution(arn: arn)
            if description.status.isTerminal {
                if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                return description
            }
            var line = "\(description.status.rawValue) for \(Int(Date().timeIntervalSince(start)))s"
            if let waiting = try? await pendingCallbacks(client: client, arn: arn), !waiting.isEmpty {
                line += " - waiting on callback " + waiting.joined(separator: ", ")
            }
            let text = (interactive ? "\r\u{1B}[K" : "") + line + (interactive ? "" : "\n")
            FileHandle.standardError.write(Data(text.utf8))
            try await Task.sleep(for: .milliseconds(interactive ? 500 : 5000))
        }
    }

    func pendingCallbacks(client: DurableHTTPClient, arn: String) async throws -> [String] {
        let events = try await client.fullHistory(arn: arn)
        let closed = Set(events.filter { [.callbackSucceeded, .callbackFailed, .callbackTimedOut].contains($0.eventType) }.compactMap(\.id))
        return events.filter { $0.eventType == .callbackStarted && !closed.contains($0.id ?? "") }
            .map { "\($0.name ?? "") \($0.details.callbackId ?? "")" }
    }
}
