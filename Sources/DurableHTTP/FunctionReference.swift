import DurableModel

/// A function as callers name it: `name`, `name:qualifier`, a partial ARN or a full ARN.
struct FunctionReference: Hashable {
    /// The bare function name.
    var name: String
    /// The qualifier, when the reference carried one.
    var qualifier: String?

    /// Parses a reference; nil when it does not match the Lambda function-name pattern.
    init?(_ text: String) {
        guard !text.isEmpty, text.utf8.count <= 256 else { return nil }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.first == "arn" {
            // arn:partition:lambda:region:account:function:name[:qualifier]
            guard parts.count == 7 || parts.count == 8, parts[2] == "lambda", parts[5] == "function" else { return nil }
            parts = Array(parts[6...])
        } else if parts.count >= 3, parts[1] == "function" {
            // account:function:name[:qualifier]
            parts = Array(parts[2...])
        }
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let name = parts[0]
        guard !name.isEmpty, name.utf8.allSatisfy({ Self.isNameByte($0) }) else { return nil }
        self.name = name
        if parts.count == 2 {
            let q = parts[1]
            guard !q.isEmpty, q.utf8.count <= 128, q.utf8.allSatisfy({ Self.isNameByte($0) || $0 == UInt8(ascii: "$") }) else { return nil }
            qualifier = q
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }
}
