import Foundation

/// One measured figure, printed as a JSON line that `Benchmarks/run.py` aggregates.
struct BenchResult: Codable, Sendable {
    var workload: String
    var peer: String
    var metric: String
    var value: Double
    var unit: String
    /// Extra facts about the run (checkpoints per commit, counts), not aggregated.
    var note: String?

    /// Prints the result as one JSON line on standard output.
    func emit() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self), let line = String(data: data, encoding: .utf8) else { return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
