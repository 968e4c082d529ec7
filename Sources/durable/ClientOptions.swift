import ArgumentParser
import DurableClient
import DurableModel
import Foundation

/// Options every client command shares.
struct ClientOptions: ParsableArguments {
    @Option(help: "The service's URL (default: $DURABLE_ENDPOINT or http://127.0.0.1:9000).")
    var endpoint: String = ProcessInfo.processInfo.environment["DURABLE_ENDPOINT"] ?? "http://127.0.0.1:9000"

    @Flag(help: "Print the service's JSON answer instead of a readable summary.")
    var json = false

    var client: DurableHTTPClient { DurableHTTPClient(endpoint: endpoint) }

    /// Runs `body`, turning a service error into a one-line reason and a non-zero exit.
    func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as DurableServiceError {
            FileHandle.standardError.write(Data("error: \(error.type): \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch let error as ValidationError {
            throw error
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: cannot reach \(endpoint): \(error)\n".utf8))
            throw ExitCode(3)
        }
    }

    /// Prints `value` as the service's JSON.
    func printJSON(_ value: some Encodable) throws {
        let encoder = DurableJSON.encoder(.seconds)
        encoder.outputFormatting.insert(.prettyPrinted)
        encoder.outputFormatting.insert(.sortedKeys)
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

/// Reads `--payload`: JSON text, or `@path` for a file's contents.
func readPayload(_ value: String?) throws -> String {
    guard let value else { return "{}" }
    if value.hasPrefix("@") {
        let path = String(value.dropFirst())
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read payload file \(path)") }
        return String(decoding: data, as: UTF8.self)
    }
    return value
}

/// `2026-01-01 12:00:00` in UTC.
func formatTime(_ date: Date?) -> String {
    guard let date else { return "-" }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
    return formatter.string(from: date)
}
