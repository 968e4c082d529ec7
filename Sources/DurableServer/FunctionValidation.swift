import DurableModel

/// The Lambda model's constraints on function, version and alias inputs, with its error wording.
enum FunctionValidation {
    static let runtimes: Set<String> = [
        "nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
        "nodejs20.x", "nodejs22.x", "nodejs24.x", "java8", "java8.al2", "java11", "java17", "java21", "java25", "python2.7",
        "python3.6", "python3.7", "python3.8", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
        "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "dotnet8", "dotnet10", "nodejs4.3-edge",
        "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4", "ruby4.0", "provided", "provided.al2", "provided.al2023",
        "nodejs26.x", "python3.15", "java8.al2023", "java11.al2023", "java17.al2023", "custom",
    ]

    /// `1 validation error detected: Value 'v' at 'member' failed to satisfy constraint: …`.
    static func violation(_ value: String, _ member: String, _ constraint: String) -> DurableServiceError {
        .invalidParameter("1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    static func name(_ name: String) throws(DurableServiceError) {
        guard Validation.isIdentifier(name, maxLength: 64) else {
            throw violation(name, "functionName", "Member must satisfy regular expression pattern: [a-zA-Z0-9-_]{1,64}")
        }
    }

    static func role(_ role: String) throws(DurableServiceError) {
        // arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+
        let parts = role.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        let allowed = Set("+=,.@-_/".utf8)
        let valid = parts.count == 6 && parts[0] == "arn" && (parts[1].isEmpty || parts[1].hasPrefix("aws")) && parts[2] == "iam"
            && parts[3].isEmpty && parts[4].count == 12 && parts[4].allSatisfy(\.isNumber) && parts[5].hasPrefix("role")
            && parts[5].dropFirst(4).drop(while: { $0 == "/" }).utf8.allSatisfy { Validation.isAlnum($0) || allowed.contains($0) }
            && !parts[5].dropFirst(4).drop(while: { $0 == "/" }).isEmpty
        guard valid else {
            throw violation(role, "role", "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+")
        }
    }

    static func runtime(_ runtime: String?) throws(DurableServiceError) {
        guard let runtime else { return }
        guard runtimes.contains(runtime) else {
            throw violation(runtime, "runtime", "Member must satisfy enum value set: [\(runtimes.sorted().joined(separator: ", "))]")
        }
    }

    static func timeout(_ timeout: Int?) throws(DurableServiceError) {
        guard let timeout else { return }
        if timeout < 1 { throw violation(String(timeout), "timeout", "Member must have value greater than or equal to 1") }
        if timeout > 900 { throw violation(String(timeout), "timeout", "Member must have value less than or equal to 900") }
    }

    static func memorySize(_ size: Int?) throws(DurableServiceError) {
        guard let size else { return }
        if size < 128 { throw violation(String(size), "memorySize", "Member must have value greater than or equal to 128") }
        if size > 10_240 { throw violation(String(size), "memorySize", "Member must have value less than or equal to 10240") }
    }

    static func description(_ text: String?) throws(DurableServiceError) {
        guard let text, text.count > 256 else { return }
        throw violation(String(text.prefix(32)) + "…", "description", "Member must have length less than or equal to 256")
    }

    static func handler(_ handler: String?) throws(DurableServiceError) {
        guard let handler else { return }
        guard handler.count <= 128, !handler.contains(where: \.isWhitespace) else {
            throw violation(handler, "handler", "Member must satisfy regular expression pattern: [^\\s]+")
        }
    }

    static func durableConfig(_ config: DurableConfig?) throws(DurableServiceError) {
        guard let config else { return }
        if let t = config.executionTimeout, !(1...31_622_400).contains(t) {
            throw violation(String(t), "durableConfig.executionTimeout",
                            t < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 31622400")
        }
        if let d = config.retentionPeriodInDays, !(1...90).contains(d) {
            throw violation(String(d), "durableConfig.retentionPeriodInDays",
                            d < 1 ? "Member must have value greater than or equal to 1" : "Member must have value less than or equal to 90")
        }
    }

    static func aliasName(_ name: String) throws(DurableServiceError) {
        guard Validation.isIdentifier(name, maxLength: 128), !name.allSatisfy(\.isNumber) else {
            throw violation(name, "name", "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)")
        }
    }

    static func aliasVersion(_ version: String) throws(DurableServiceError) {
        guard version == "$LATEST" || version == "$LATEST.PUBLISHED" || (!version.isEmpty && version.count <= 10 && version.allSatisfy(\.isNumber)) else {
            throw violation(version, "functionVersion", "Member must satisfy regular expression pattern: (\\$LATEST(\\.PUBLISHED)?|[0-9]+)")
        }
    }

    static func maxItems(_ value: Int?) throws(DurableServiceError) {
        guard let value else { return }
        if value < 1 { throw violation(String(value), "maxItems", "Member must have value greater than or equal to 1") }
        if value > 10_000 { throw violation(String(value), "maxItems", "Member must have value less than or equal to 10000") }
    }
}
