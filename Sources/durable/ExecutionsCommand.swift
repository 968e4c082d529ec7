import ArgumentParser
import DurableClient
import DurableModel

/// `durable executions list|get`.
struct ExecutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "executions", abstract: "List or describe executions.",
        subcommands: [List.self, Get.self])

    /// `durable executions list [--function F] [--status S]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List executions (of one function, or of every durable function), newest first.")

        @Option(help: "The function whose executions to list (default: every durable function).")
        var function: String?

        @Option(help: "Only executions with this status (RUNNING, SUCCEEDED, FAILED, TIMED_OUT, STOPPED); repeatable.")
        var status: [String] = []

        @Option(help: "At most this many.")
        var limit: Int = 100

        @OptionGroup var options: ClientOptions

        func run() async throws {
            let statuses = try status.map { raw in
                guard let s = ExecutionStatus(rawValue: raw.uppercased()) else { throw ValidationError("unknown status \(raw)") }
                return s
            }
            try await options.run {
                var all: [ExecutionSummary] = []
                let functions: [String]
                if let function {
                    functions = [function]
                } else {
                    functions = try await options.client.allFunctions().filter { $0.durableConfig != nil }.map(\.functionName)
                }
                for function in functions {
                    var marker: String?
                    var count = 0
                    repeat {
                        let page = try await options.client.listExecutions(function: function, statuses: statuses, marker: marker, maxItems: min(limit, 1000))
                        all += page.durableExecutions
                        count += page.durableExecutions.count
                        marker = page.nextMarker
                    } while !(marker ?? "").isEmpty && count < limit
                }
                all = Array(all.sorted { $0.startTimestamp > $1.startTimestamp }.prefix(limit))
                if options.json { try options.printJSON(ListDurableExecutionsResponse(durableExecutions: all, nextMarker: nil)); return }
                print(pad("STATUS", 10) + pad("STARTED (UTC)", 25) + pad("NAME", 38) + "ARN")
                for e in all {
                    print(pad(e.status.rawValue, 10) + pad(formatTime(e.startTimestamp), 25) + pad(e.durableExecutionName, 38) + e.durableExecutionArn)
                }
            }
        }
    }

    /// `durable executions get ARN`.
    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one execution.")

        @Argument(help: "The execution's ARN.")
        var arn: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            try await options.run {
                let e = try await options.client.execution(arn: arn)
                if options.json { try options.printJSON(e); return }
                print("ARN:      \(e.durableExecutionArn)")
                print("Function: \(e.functionArn)")
                print("Status:   \(e.status.rawValue)")
                print("Started:  \(formatTime(e.startTimestamp))")
                print("Ended:    \(formatTime(e.endTimestamp))")
                if let input = e.inputPayload { print("Input:    \(input)") }
                if let result = e.result { print("Result:   \(result)") }
                if let error = e.error { print("Error:    \(error.errorType ?? "Error"): \(error.errorMessage ?? "")") }
            }
        }
    }
}

/// Left-aligns `text` in a column of `width`.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}
