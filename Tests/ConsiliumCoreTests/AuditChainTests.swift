import Crypto
import Foundation
import Testing

@testable import ConsiliumCore

@Suite("Audit hash chain")
struct AuditChainTests {
    /// Three sealed events, each linked to the one before.
    func chain(_ count: Int = 3) -> [AuditChain.Entry] {
        var previous = AuditChain.genesis
        return (1...count).map { index in
            let entry = AuditChain.Entry(
                sequence: Int64(index), occurredMicros: 1_800_000_000_000_000 + Int64(index), actorUserID: "u\(index)",
                actorRole: "coordinator", action: "case.viewed", objectType: "Case", objectID: "c\(index)", patientID: "p",
                outcome: "success", clientAddress: "127.0.0.1", userAgent: nil, detail: nil, previousHash: previous
            ).sealed()
            previous = entry.hash
            return entry
        }
    }

    func verify(_ entries: [AuditChain.Entry]) -> AuditChain.Verifier {
        var verifier = AuditChain.Verifier()
        for entry in entries { verifier.check(entry) }
        return verifier
    }

    @Test("an untouched chain verifies, and its head is the last hash")
    func whole() {
        let entries = chain()
        let verifier = verify(entries)
        #expect(verifier.firstBreak == nil)
        #expect(verifier.count == 3)
        #expect(verifier.head == entries[2].hash)
        #expect(entries[0].previousHash == AuditChain.genesis)
    }

    @Test("editing any field of an event is caught at that event")
    func edited() {
        var entries = chain()
        entries[1].outcome = "denied"
        #expect(verify(entries).firstBreak == .contentChanged(sequence: 2))
        entries = chain()
        entries[1].detail = ""  // an empty detail is not the same as none
        #expect(verify(entries).firstBreak == .contentChanged(sequence: 2))
        entries = chain()
        entries[2].occurredMicros += 1
        #expect(verify(entries).firstBreak == .contentChanged(sequence: 3))
    }

    @Test("re-sealing an edited event does not hide it: the next event no longer follows")
    func resealed() {
        var entries = chain()
        entries[1].actorUserID = "someone-else"
        entries[1] = entries[1].sealed()
        #expect(verify(entries).firstBreak == .linkBroken(sequence: 3, expectedPrevious: entries[1].hash))
    }

    /// Stored hashes and seals must keep verifying however the code computes them: these were
    /// worked out apart from Swift, with Python's hashlib and hmac (HKDF by RFC 5869).
    @Test("the hash and the seal of an event are the ones worked out independently")
    func goldenHashAndSeal() {
        let first = chain(1)[0]
        #expect(first.hash == "9d3b86aa494bc0a10b5b94f2d778a60b3fabe927480ef60ad40688f10e87c11e")
        let key = AuditSealKey(masterKeyID: "k1", masterKey: SymmetricKey(data: Data(0..<32)))
        let seal = key.seal(sequence: 1, hash: first.hash)
        #expect(seal == "46fb54c150821c774030aeb8b9b2e13160ad30c463305f9a0bc63225ea033a98")
        #expect(key.verifies(seal, sequence: 1, hash: first.hash))
        #expect(!key.verifies(seal, sequence: 2, hash: first.hash))
        // the same key seals many events: each seal starts afresh
        #expect(key.seal(sequence: 1, hash: first.hash) == seal)
    }

    @Test("a deleted event is named by the gap it leaves")
    func deleted() {
        var entries = chain()
        entries.remove(at: 1)
        #expect(verify(entries).firstBreak == .sequenceGap(expected: 2, found: 3))
    }

    @Test("swapping two events' places is caught at the first of them")
    func reordered() {
        var entries = chain()
        (entries[1].sequence, entries[2].sequence) = (entries[2].sequence, entries[1].sequence)
        entries.swapAt(1, 2)
        #expect(verify(entries).firstBreak?.sequence == 2)
    }

    @Test("field boundaries count: moving text from one field to the next changes the hash")
    func boundaries() {
        var a = chain(1)[0]
        var b = a
        a.objectType = "Case"
        a.objectID = "c1"
        b.objectType = "Casec"
        b.objectID = "1"
        #expect(a.computedHash != b.computedHash)
    }
}
