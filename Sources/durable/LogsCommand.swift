import ArgumentParser
import DurableClient
import DurableModel

/// `durable logs ARN`: the records the execution's invocations logged, oldest first.
struct LogsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Show an execution's log records.")

    @Argument(help: "The execution's ARN.")
    var arn: String

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await options.run {
            let records = try await options.client.allLogs(arn: arn)
            if options.json { try options.printJSON(ExecutionLogsResponse(records: records, nextMarker: nil)); return }
            for record in records {
                var line = formatTime(record.timestamp) + "  " + pad(record.level, 9) + pad(String(record.requestId.prefix(8)), 10)
                if let id = record.operationId { line += "[\(id.prefix(12))" + (record.attempt.map { "#\($0)" } ?? "") + "] " }
                print(line + record.message)
            }
        }
    }
}
