@testable import Durable
import Testing

@Suite("Deterministic operation ids (JS scheme)")
struct OperationIDTests {
    @Test("The protocol's MD5 vectors", arguments: [("1", "c4ca4238a0b92382"), ("2", "c81e728d9d4c2f63"), ("1-1", "ea66c06c1e1c05fa")])
    func vectors(logical: String, wire: String) {
        #expect(OperationID.wireId(logical) == wire)
    }

    @Test("Logical ids nest under their parent")
    func logicalIds() {
        #expect(OperationID.logicalId(parent: nil, position: 3) == "3")
        #expect(OperationID.logicalId(parent: "3-1", position: 2) == "3-1-2")
        let scope = ContextScope(logicalId: "4", operationId: OperationID.wireId("4"), parent: nil)
        #expect(scope.peekNextLogicalId() == "4-1")
        #expect(scope.nextLogicalId() == "4-1")
        #expect(scope.nextLogicalId() == "4-2")
    }

    @Test("Closing a context orphans its descendants")
    func orphans() {
        let root = ContextScope(logicalId: nil, operationId: nil, parent: nil)
        let child = ContextScope(logicalId: "1", operationId: "a", parent: root)
        let grandchild = ContextScope(logicalId: "1-1", operationId: "b", parent: child)
        #expect(!grandchild.isOrphaned)
        child.close()
        #expect(grandchild.isOrphaned && child.isOrphaned && !root.isOrphaned)
    }
}
