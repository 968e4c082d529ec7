import ArgumentParser

/// The `durable` command: run the service and drive executions.
@main
struct DurableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "durable",
        abstract: "Durable functions for Swift: run the service, manage functions, start executions, read histories, complete callbacks.",
        subcommands: [
            ServeCommand.self, InvokeCommand.self, ExecutionsCommand.self, HistoryCommand.self,
            CallbackCommand.self, StopCommand.self, LogsCommand.self, FunctionsCommand.self,
        ]
    )
}
