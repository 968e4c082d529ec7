import ArgumentParser
import DurableClient
import DurableModel

/// `durable history ARN`: the execution's events as a table.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show an execution's history.")

    @Argument(help: "The execution's ARN.")
    var arn: String

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.run {
            let events = try await options.client.fullHistory(arn: arn)
            if options.json { try options.printJSON(GetDurableExecutionHistoryResponse(events: events, nextMarker: nil)); return }
            print(pad("#", 5) + pad("TIME (UTC)", 25) + pad("EVENT", 24) + pad("NAME", 22) + "DETAILS")
            for event in events {
                print(pad("\(event.eventId)", 5) + pad(formatTime(event.eventTimestamp), 25) + pad(event.eventType.rawValue, 24)
                      + pad(event.name ?? event.subType ?? "", 22) + summary(event))
            }
        }
    }

    /// The few details a reader wants on one line.
    func summary(_ event: HistoryEvent) -> String {
        let d = event.details
        var parts: [String] = []
        if let id = d.callbackId { parts.append("callbackId=\(id)") }
        if let attempt = d.retryDetails?.currentAttempt { parts.append("attempt=\(attempt)") }
        if let delay = d.retryDetails?.nextAttemptDelaySeconds { parts.append("retryIn=\(delay)s") }
        if let duration = d.duration { parts.append("duration=\(duration)s") }
        if let timeout = d.timeout { parts.append("timeout=\(timeout)s") }
        if let function = d.functionName { parts.append("function=\(function)") }
        if let input = d.input?.payload { parts.append("input=\(clip(input))") }
        if let result = d.result?.payload { parts.append("result=\(clip(result))") }
        if let error = d.error?.payload { parts.append("error=\(error.errorType ?? ""): \(clip(error.errorMessage ?? ""))") }
        return parts.joined(separator: " ")
    }

    func clip(_ text: String) -> String { text.count > 60 ? String(text.prefix(57)) + "..." : text }
}
