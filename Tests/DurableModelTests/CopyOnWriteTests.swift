import DurableModel
import Foundation
import Testing

/// Operations and events keep their members in shared storage (`CopyOnWrite`); they must still behave
/// as values: a copy never sees a later change to the original, and equality, hashing and coding see
/// the members, not the storage.
@Suite("Copy-on-write storage keeps value semantics")
struct CopyOnWriteTests {
    /// An encoder whose output depends only on the members (keys sorted).
    static let sorted: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    @Test func aChangedCopyOfAnOperationLeavesTheOriginalAlone() throws {
        var samples = DirectJSONSamples(seed: 11)
        for _ in 0..<50 {
            let original = samples.operation()
            let frozen = try Self.sorted.encode(original)
            var copy = original
            #expect(copy == original)
            copy.status = original.status == .succeeded ? .failed : .succeeded
            copy.name = (original.name ?? "") + "-changed"
            copy.stepDetails = StepDetails(attempt: 99, result: "changed")
            #expect(copy != original)
            #expect(try Self.sorted.encode(original) == frozen)
            // Changing the copy back makes the two equal again, with equal hashes, though their storage differs.
            copy.status = original.status
            copy.name = original.name
            copy.stepDetails = original.stepDetails
            #expect(copy == original)
            #expect(copy.hashValue == original.hashValue)
        }
    }

    @Test func aChangedCopyOfAnEventLeavesTheOriginalAlone() throws {
        var samples = DirectJSONSamples(seed: 12)
        for _ in 0..<50 {
            let original = samples.event()
            let frozen = try Self.sorted.encode(original)
            var copy = original
            copy.details.callbackId = (original.details.callbackId ?? "") + "-changed"
            #expect(copy != original)
            #expect(try Self.sorted.encode(original) == frozen)
            copy.details = original.details
            #expect(copy == original)
            #expect(copy.hashValue == original.hashValue)
        }
    }

    @Test func copiesChangedOnOtherTasksStayIndependent() async {
        let shared = Operation(id: "op", type: .step, startTimestamp: Date(timeIntervalSince1970: 0), status: .started)
        let changed = await withTaskGroup(of: Operation.self) { group in
            for attempt in 1...8 {
                group.addTask {
                    var mine = shared
                    mine.stepDetails = StepDetails(attempt: attempt)
                    return mine
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(changed.compactMap { $0.stepDetails?.attempt }) == Set(1...8))
        #expect(shared.stepDetails == nil)
    }
}
