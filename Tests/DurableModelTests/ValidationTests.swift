import DurableModel
import Testing

@Suite("ARNs and patterns")
struct ValidationTests {
    @Test("An execution ARN parses into its parts and prints back")
    func arnRoundTrip() throws {
        let text = "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST/durable-execution/order-42/7f3c-1"
        let arn = try #require(DurableExecutionARN(text))
        #expect(arn.functionName == "orders")
        #expect(arn.qualifier == "$LATEST")
        #expect(arn.executionName == "order-42")
        #expect(arn.executionId == "7f3c-1")
        #expect(arn.functionArn == "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST")
        #expect(arn.description == text)
    }

    @Test("Malformed ARNs are rejected", arguments: [
        "", "arn", "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST",
        "arn:aws:lambda:us-east-1:12345:function:orders:$LATEST/durable-execution/a/b",
        "arn:aws:lambda:us-east-1:123456789012:function:orders:prod/durable-execution/a/b",
        "arn:aws:lambda:us-east-1:123456789012:function:orders:1/durable-execution/a b/c",
        "arn:aws:s3:us-east-1:123456789012:function:orders:1/durable-execution/a/b",
    ])
    func malformedARN(_ text: String) {
        #expect(DurableExecutionARN(text) == nil)
    }

    @Test("Patterns of the AWS model")
    func patterns() {
        #expect(Validation.isOperationId("c4ca4238a0b92382"))
        #expect(!Validation.isOperationId(String(repeating: "a", count: 65)))
        #expect(!Validation.isOperationId("a.b"))
        #expect(Validation.isOperationName("Process payment"))
        #expect(!Validation.isOperationName("caf\u{e9}"))
        #expect(Validation.isBase64Token("AbC+/9==", maxLength: 2048))
        #expect(!Validation.isBase64Token("AbC===", maxLength: 2048))
        #expect(!Validation.isBase64Token("a-b", maxLength: 2048))
        #expect(Validation.isExecutionQualifier("$LATEST"))
        #expect(Validation.isExecutionQualifier("12"))
        #expect(!Validation.isExecutionQualifier("prod"))
        #expect(Validation.isTenantId("tenant-1@example.com"))
        #expect(!Validation.isTenantId("tenant#1"))
    }
}
