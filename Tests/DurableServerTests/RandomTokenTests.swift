import DurableModel
@testable import DurableServer
import Foundation
import Testing

@Suite("RandomToken")
struct RandomTokenTests {
    @Test func base64MatchesFoundationForEveryLengthAndByte() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
                let ours = bytes.withUnsafeBufferPointer { RandomToken.base64($0) }
                #expect(ours == Data(bytes).base64EncodedString(), "length \(length)")
            }
        }
        let edges: [UInt8] = [0, 0xFF, 0xFB, 0xEF, 0x3E, 0x3F]
        for a in edges { for b in edges { for c in edges {
            #expect([a, b, c].withUnsafeBufferPointer { RandomToken.base64($0) } == Data([a, b, c]).base64EncodedString())
        } } }
    }

    @Test func tokensAreBase64OfTheirSizeAndDoNotRepeat() {
        let tokens = (0..<2000).map { _ in RandomToken.make() }
        #expect(Set(tokens).count == tokens.count)
        #expect(tokens.allSatisfy { $0.utf8.count == 32 && Validation.isBase64Token($0, maxLength: 2048) })
        #expect(tokens.allSatisfy { Data(base64Encoded: $0)?.count == 24 })
        #expect(Data(base64Encoded: RandomToken.make(byteCount: 5))?.count == 5)
        // Every byte value turns up across the tokens: the bytes are not stuck or constant.
        let seen = Set(tokens.flatMap { Data(base64Encoded: $0)! })
        #expect(seen.count == 256)
    }
}
