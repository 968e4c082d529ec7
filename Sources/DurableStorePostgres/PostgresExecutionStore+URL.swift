import Foundation
import PostgresNIO

extension PostgresExecutionStore {
    /// The pool configuration for a `postgres://user[:password]@host[:port]/database` URL, without TLS.
    ///
    /// TLS is off because the store's servers so far are local or on a private network; `sslmode`
    /// other than `disable` is refused rather than silently ignored.
    public static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let components = URLComponents(string: url),
              components.scheme == "postgres" || components.scheme == "postgresql",
              let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty
        else { throw PostgresStoreError.invalidURL(url) }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        if let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value, mode != "disable" {
            throw PostgresStoreError.invalidURL(url)
        }
        return PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: components.password?.removingPercentEncoding,
            database: database.isEmpty ? nil : database, tls: .disable
        )
    }
}
