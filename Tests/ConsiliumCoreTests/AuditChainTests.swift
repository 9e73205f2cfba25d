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

    // MARK: Retiring an older master key

    static let oldKey = AuditSealKey(masterKeyID: "2026-01", masterKey: SymmetricKey(data: Data(repeating: 1, count: 32)))
    static let newKey = AuditSealKey(masterKeyID: "2026-11", masterKey: SymmetricKey(data: Data(repeating: 2, count: 32)))

    /// Events appended one after another, each sealed with the key given for it.
    struct SealedLog {
        var entries: [(AuditChain.Entry, (keyID: String, mac: String))] = []

        mutating func append(_ key: AuditSealKey, action: String = "case.viewed", detail: String? = nil) {
            let sequence = Int64(entries.count + 1)
            let entry = AuditChain.Entry(
                sequence: sequence, occurredMicros: 1_800_000_000_000_000 + sequence, actorUserID: nil, actorRole: nil, action: action,
                objectType: nil, objectID: nil, patientID: nil, outcome: "success", clientAddress: "local", userAgent: nil,
                detail: detail, previousHash: entries.last?.0.hash ?? AuditChain.genesis
            ).sealed()
            entries.append((entry, (key.id, key.seal(sequence: sequence, hash: entry.hash))))
        }

        mutating func retire(_ ids: [String], through: Int64, sealedWith key: AuditSealKey) {
            append(
                key, action: AuditAction.masterKeysRotated.rawValue,
                detail: AuditKeyRetirement(retiredKeyIDs: ids, checkedThrough: through).detail)
        }

        func verify(with keys: [AuditSealKey]) -> AuditChain.Verifier {
            var verifier = AuditChain.Verifier(sealKeys: keys)
            for (entry, seal) in entries { verifier.check(entry, seal: seal) }
            return verifier
        }
    }

    @Test("a rotation event sealed with the new key vouches for the old key's seals before it, so the old key can go")
    func retiredKeyVouchedFor() {
        var log = SealedLog()
        log.append(Self.oldKey)
        log.append(Self.oldKey)
        #expect(log.verify(with: [Self.newKey]).firstProblem == .unsealed(sequence: 1))  // not yet vouched for
        log.append(Self.newKey)  // an instance already on the new key
        log.retire(["2026-01"], through: 3, sealedWith: Self.newKey)
        log.append(Self.newKey)
        let verifier = log.verify(with: [Self.newKey])
        #expect(verifier.problem == nil)
        #expect(verifier.lastSealedWith == ["2026-01": 2, "2026-11": 5])
        #expect(verifier.retiredThrough == ["2026-01": 3])
        // with both keys, every seal is checked directly, and passes too
        #expect(log.verify(with: [Self.newKey, Self.oldKey]).problem == nil)
    }

    @Test("the retired key is accepted nowhere after the events the rotation checked")
    func retiredKeyAfterRotation() {
        var log = SealedLog()
        log.append(Self.oldKey)
        log.retire(["2026-01"], through: 1, sealedWith: Self.newKey)
        log.append(Self.oldKey)  // a lagging instance, or someone holding only the old key
        #expect(log.verify(with: [Self.newKey]).firstProblem == .unsealed(sequence: 3))

        var late = SealedLog()
        late.append(Self.oldKey)
        late.append(Self.oldKey)
        late.retire(["2026-01"], through: 1, sealedWith: Self.newKey)  // event 2 was never checked
        #expect(late.verify(with: [Self.newKey]).firstProblem == .unsealed(sequence: 1))
    }

    @Test("a rotation event vouches only when a key held here sealed it, for the keys it names")
    func rotationEventMustBeSealed() {
        var forged = SealedLog()
        forged.append(Self.oldKey)
        forged.retire(["2026-01"], through: 1, sealedWith: Self.oldKey)  // sealed with the very key being retired
        #expect(forged.verify(with: [Self.newKey]).firstProblem == .unsealed(sequence: 1))

        var other = SealedLog()
        other.append(Self.oldKey)
        other.retire(["2025-07"], through: 1, sealedWith: Self.newKey)
        #expect(other.verify(with: [Self.newKey]).firstProblem == .unsealed(sequence: 1))

        var wrongMac = SealedLog()
        wrongMac.append(Self.oldKey)
        wrongMac.retire(["2026-01"], through: 1, sealedWith: Self.newKey)
        wrongMac.entries[1].1.mac = String(repeating: "0", count: 64)
        #expect(wrongMac.verify(with: [Self.newKey]).firstProblem == .unsealed(sequence: 2), "the forged rotation event is named")
    }

    @Test("an event changed before the rotation still breaks the chain at that event")
    func changedBeforeRotation() {
        var log = SealedLog()
        log.append(Self.oldKey)
        log.append(Self.oldKey)
        log.retire(["2026-01"], through: 2, sealedWith: Self.newKey)
        log.entries[1].0.outcome = "denied"
        #expect(log.verify(with: [Self.newKey]).firstProblem == .contentChanged(sequence: 2))
    }

    @Test("the rotation event's detail reads back, and nothing else reads as one")
    func retirementDetail() {
        let retirement = AuditKeyRetirement(retiredKeyIDs: ["b", "a"], checkedThrough: 42)
        #expect(retirement.detail == "retired=a,b; checked-through=42")
        #expect(AuditKeyRetirement(detail: retirement.detail) == retirement)
        for junk in [nil, "", "retired=; checked-through=1", "retired=a; checked-through=x", "retired=a", "checked-through=1; retired=a"] {
            #expect(AuditKeyRetirement(detail: junk) == nil)
        }
    }
}
