import DurableModel
import DurableServer
import Foundation
import Testing

@Suite("OperationIndex and OperationMap")
struct OperationIndexTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func op(_ id: String, _ type: OperationType, _ status: OperationStatus, sequence: Int, position: Int) -> StoredOperation {
        StoredOperation(operation: DurableModel.Operation(id: id, type: type, startTimestamp: start, status: status),
                        position: position, sequence: sequence)
    }

    /// The answer `changed(after:)` must give, by brute force.
    static func expectedChanged(_ ops: [String: StoredOperation], after sequence: Int) -> [String] {
        ops.values.filter { $0.sequence > sequence }.map(\.id).sorted()
    }

    @Test func changedAfterFollowsEveryUpsertIncludingSupersededAndOutOfOrderOnes() {
        var index = OperationIndex()
        var truth: [String: StoredOperation] = [:]
        var generator = SystemRandomNumberGenerator()
        var sequence = 0
        for round in 0..<600 {
            let id = "op\(Int.random(in: 0..<40, using: &generator))"
            sequence += 1
            // Now and then a caller writes an older sequence (out of order); the index must still answer right.
            let written = round % 97 == 0 ? max(1, sequence - 30) : sequence
            let op = Self.op(id, .step, .succeeded, sequence: written, position: truth[id]?.position ?? round)
            index.upsert(op)
            truth[id] = op
            if round % 13 == 0 {
                for after in [0, sequence / 2, sequence - 3, sequence] {
                    #expect(index.changed(after: after).map(\.id).sorted() == Self.expectedChanged(truth, after: after))
                }
            }
        }
        #expect(index.count == truth.count)
        #expect(OperationIndex(truth.values).changed(after: 0).count == truth.count)
    }

    @Test func openOperationsAreExactlyThePendingStepsAndStartedWaitsCallbacksAndInvokes() {
        var index = OperationIndex([
            Self.op("w", .wait, .started, sequence: 1, position: 1),
            Self.op("s", .step, .pending, sequence: 2, position: 2),
            Self.op("c", .callback, .started, sequence: 3, position: 3),
            Self.op("i", .chainedInvoke, .started, sequence: 4, position: 4),
            Self.op("done", .step, .succeeded, sequence: 5, position: 5),
            Self.op("running", .step, .started, sequence: 6, position: 6),
        ])
        #expect(index.openOperations.map(\.id).sorted() == ["c", "i", "s", "w"])
        index.upsert(Self.op("w", .wait, .succeeded, sequence: 7, position: 1))
        index.upsert(Self.op("s", .step, .ready, sequence: 8, position: 2))
        #expect(index.openOperations.map(\.id).sorted() == ["c", "i"])

        // A map over the index sees its own changes on top, without writing the index.
        var map = OperationMap(index: index)
        map["c"] = Self.op("c", .callback, .succeeded, sequence: 9, position: 3)
        map["n"] = Self.op("n", .wait, .started, sequence: 10, position: 7)
        #expect(map.openOperations.map(\.id).sorted() == ["i", "n"])
        #expect(map.changed(after: 8).map(\.id).sorted() == ["c", "n"])
        #expect(index.openOperations.map(\.id).sorted() == ["c", "i"])
        #expect(map.count == 7)
    }

    /// The answer `inStartOrder` must give, by brute force.
    static func expectedOrder(_ ops: some Sequence<StoredOperation>) -> [String] {
        ops.sorted { $0.position != $1.position ? $0.position < $1.position : $0.id < $1.id }.map(\.id)
    }

    @Test func startOrderFollowsNewMovedAndOutOfOrderOperations() {
        var generator = SystemRandomNumberGenerator()
        // Built from operations in any order, including equal positions (ties go by id).
        let shuffled = (0..<50).map { Self.op("op\($0)", .step, .succeeded, sequence: $0 + 1, position: $0 / 2) }.shuffled(using: &generator)
        var index = OperationIndex(shuffled)
        var truth = Dictionary(uniqueKeysWithValues: shuffled.map { ($0.id, $0) })
        #expect(OperationMap(index: index).inStartOrder.map(\.id) == Self.expectedOrder(truth.values))
        for round in 0..<400 {
            let id = "op\(Int.random(in: 0..<80, using: &generator))"
            // Mostly the next position or the operation's own; now and then an earlier one or a move.
            let position = switch round % 11 {
            case 0: Int.random(in: 0..<100, using: &generator)
            default: truth[id]?.position ?? 25 + round
            }
            let op = Self.op(id, .step, .succeeded, sequence: 100 + round, position: position)
            index.upsert(op)
            truth[id] = op
            if round % 7 == 0 {
                #expect(OperationMap(index: index).inStartOrder.map(\.id) == Self.expectedOrder(truth.values))
                // A map's own changes: one rewritten in place, one new, one moved.
                var map = OperationMap(index: index)
                var overlay = truth
                let kept = Self.op(id, .step, .failed, sequence: 1000, position: position)
                map[id] = kept
                overlay[id] = kept
                #expect(map.inStartOrder.map(\.id) == Self.expectedOrder(overlay.values))
                #expect(map.inStartOrder.first { $0.id == id }?.operation.status == .failed)
                let added = Self.op("new\(round)", .wait, .started, sequence: 1001, position: round % 3 == 0 ? 1 : 10_000)
                map[added.id] = added
                overlay[added.id] = added
                #expect(map.inStartOrder.map(\.id) == Self.expectedOrder(overlay.values))
            }
        }
    }
}
