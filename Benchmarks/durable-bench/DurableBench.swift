import ArgumentParser

/// `durable-bench`: the W1–W6 workloads against the engine in process, over HTTP, through a crash,
/// and the machine's durable-commit floor. Each figure is printed as one JSON line.
@main
struct DurableBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "durable-bench",
        abstract: "Benchmarks of the durable engine (see BENCHMARKS.md and Benchmarks/run.py).",
        subcommands: [InProcessCommand.self, BenchServeCommand.self, WorkerCommand.self, HTTPCommand.self, CrashCommand.self,
                      FloorCommand.self, RowCodecCommand.self])
}
