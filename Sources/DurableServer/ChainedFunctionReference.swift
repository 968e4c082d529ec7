/// A parsed Lambda function reference: a name, `name:qualifier`, a partial ARN
/// (`account:function:name[:qualifier]`) or a full ARN (`arn:partition:lambda:region:account:function:name[:qualifier]`).
public struct ChainedFunctionReference: Sendable, Hashable {
    /// The function name.
    public var name: String
    /// The version or alias, when given.
    public var qualifier: String?
    /// The account, when given.
    public var accountId: String?
    /// The region, when given.
    public var region: String?

    /// Creates a reference from parts.
    public init(name: String, qualifier: String? = nil, accountId: String? = nil, region: String? = nil) {
        self.name = name
        self.qualifier = qualifier
        self.accountId = accountId
        self.region = region
    }

    /// Parses `text`, returning nil when it is not a valid Lambda function name or ARN.
    public init?(parsing text: String) {
        guard !text.isEmpty, text.utf8.count <= 256 else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func isQualifier(_ q: String) -> Bool { q == "$LATEST" || Self.isName(q, maxLength: 128) }
        func isAccount(_ a: String) -> Bool { a.count == 12 && a.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        switch parts.count {
        case 1 where Self.isName(parts[0], maxLength: 64):
            self.init(name: parts[0])
        case 2 where Self.isName(parts[0], maxLength: 64) && isQualifier(parts[1]):
            self.init(name: parts[0], qualifier: parts[1])
        case 3 where isAccount(parts[0]) && parts[1] == "function" && Self.isName(parts[2], maxLength: 64):
            self.init(name: parts[2], accountId: parts[0])
        case 4 where isAccount(parts[0]) && parts[1] == "function" && Self.isName(parts[2], maxLength: 64) && isQualifier(parts[3]):
            self.init(name: parts[2], qualifier: parts[3], accountId: parts[0])
        case 7, 8:
            guard parts[0] == "arn", !parts[1].isEmpty, parts[2] == "lambda", !parts[3].isEmpty, isAccount(parts[4]),
                  parts[5] == "function", Self.isName(parts[6], maxLength: 64) else { return nil }
            if parts.count == 8 && !isQualifier(parts[7]) { return nil }
            self.init(name: parts[6], qualifier: parts.count == 8 ? parts[7] : nil, accountId: parts[4], region: parts[3])
        default:
            return nil
        }
    }

    private static func isName(_ s: String, maxLength: Int) -> Bool {
        !s.isEmpty && s.utf8.count <= maxLength && s.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F
        }
    }
}
