/// A parsed durable execution ARN:
/// `arn:{partition}:lambda:{region}:{account}:function:{function}:{qualifier}/durable-execution/{name}/{id}`.
public struct DurableExecutionARN: Sendable, Hashable, CustomStringConvertible {
    /// The partition, usually `aws`.
    public var partition: String
    /// The region.
    public var region: String
    /// The 12-digit account id.
    public var accountId: String
    /// The function name.
    public var functionName: String
    /// `$LATEST`, `$LATEST.PUBLISHED` or a version number.
    public var qualifier: String
    /// The execution name.
    public var executionName: String
    /// The execution id; also the id of the EXECUTION operation.
    public var executionId: String

    /// Creates an ARN from its parts.
    public init(partition: String = "aws", region: String, accountId: String, functionName: String, qualifier: String, executionName: String, executionId: String) {
        self.partition = partition
        self.region = region
        self.accountId = accountId
        self.functionName = functionName
        self.qualifier = qualifier
        self.executionName = executionName
        self.executionId = executionId
    }

    /// Parses an ARN, returning nil when it does not match the AWS pattern.
    public init?(_ text: String) {
        guard text.utf8.count <= 1024 else { return nil }
        let slash = text.split(separator: "/", omittingEmptySubsequences: false)
        guard slash.count == 4, slash[1] == "durable-execution" else { return nil }
        let head = slash[0].split(separator: ":", omittingEmptySubsequences: false)
        guard head.count == 8, head[0] == "arn", head[2] == "lambda", head[5] == "function" else { return nil }
        let partition = String(head[1]), region = String(head[3]), account = String(head[4])
        let function = String(head[6]), qualifier = String(head[7])
        let name = String(slash[2]), id = String(slash[3])
        guard Validation.isPartition(partition), Validation.isRegionToken(region),
              account.count == 12, account.allSatisfy(\.isASCIIDigit),
              Validation.isIdentifier(function, maxLength: 140),
              Validation.isExecutionQualifier(qualifier),
              Validation.isIdentifier(name, maxLength: 1024), Validation.isIdentifier(id, maxLength: 1024)
        else { return nil }
        self.init(partition: partition, region: region, accountId: account, functionName: function,
                  qualifier: qualifier, executionName: name, executionId: id)
    }

    /// The ARN of the function version this execution runs on.
    public var functionArn: String {
        "arn:\(partition):lambda:\(region):\(accountId):function:\(functionName):\(qualifier)"
    }

    /// The ARN text.
    public var description: String {
        "\(functionArn)/durable-execution/\(executionName)/\(executionId)"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
