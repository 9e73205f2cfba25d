import Crypto
import Foundation

/// The audit log's hash chain. Each event's hash covers its own content and the hash of the
/// event before it, so an edit, a deletion or a reordering made directly in the database
/// breaks the chain at the first event it touched.
public enum AuditChain {
    /// The `previousHash` of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The parts of an event the chain covers, in a fixed order.
    public struct Entry: Sendable, Equatable {
        public var sequence: Int64
        /// Microseconds since 1970, as stored: dates do not round-trip bit for bit through every database.
        public var occurredMicros: Int64
        public var actorUserID: String?
        public var actorRole: String?
        public var action: String
        public var objectType: String?
        public var objectID: String?
        public var patientID: String?
        public var outcome: String
        public var clientAddress: String?
        public var userAgent: String?
        public var detail: String?
        public var previousHash: String
        public var hash: String

        public init(
            sequence: Int64, occurredMicros: Int64, actorUserID: String?, actorRole: String?, action: String, objectType: String?,
            objectID: String?, patientID: String?, outcome: String, clientAddress: String?, userAgent: String?, detail: String?,
            previousHash: String, hash: String = ""
        ) {
            self.sequence = sequence
            self.occurredMicros = occurredMicros
            self.actorUserID = actorUserID
            self.actorRole = actorRole
            self.action = action
            self.objectType = objectType
            self.objectID = objectID
            self.patientID = patientID
            self.outcome = outcome
            self.clientAddress = clientAddress
            self.userAgent = userAgent
            self.detail = detail
            self.previousHash = previousHash
            self.hash = hash
        }

        /// SHA-256 (hex) of the entry's content and the previous hash. Each field is written
        /// with its length, and a missing field differs from an empty one, so no two
        /// different entries serialise alike.
        public var computedHash: String {
            // Fed to the hash piece by piece: an append computes one per event, and building
            // the bytes in arrays first cost as much as the hashing.
            var hasher = SHA256()
            func put(_ value: String?) {
                guard var value else { return withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) } }
                value.withUTF8 { utf8 in
                    withUnsafeBytes(of: UInt8(1)) { hasher.update(bufferPointer: $0) }
                    withUnsafeBytes(of: UInt64(utf8.count).bigEndian) { hasher.update(bufferPointer: $0) }
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(utf8))
                }
            }
            Self.domain.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            put(String(sequence))
            put(String(occurredMicros))
            put(actorUserID)
            put(actorRole)
            put(action)
            put(objectType)
            put(objectID)
            put(patientID)
            put(outcome)
            put(clientAddress)
            put(userAgent)
            put(detail)
            put(previousHash)
            return Hex.encode(hasher.finalize())
        }

        private static let domain = Array("consilium-audit-v1".utf8)

        /// The entry with its hash filled in.
        public func sealed() -> Entry {
            var entry = self
            entry.hash = computedHash
            return entry
        }
    }

    /// Why verification stopped at an event.
    public enum Break: Sendable, Equatable, CustomStringConvertible {
        /// The event's content no longer matches its hash: it was edited.
        case contentChanged(sequence: Int64)
        /// The event does not follow the one before it: one was deleted, inserted or moved.
        case linkBroken(sequence: Int64, expectedPrevious: String)
        /// A sequence number is missing or repeated.
        case sequenceGap(expected: Int64, found: Int64)
        /// The event has no seal, or one this installation's keys did not make: it was written
        /// or rewritten by someone without the key.
        case unsealed(sequence: Int64)

        public var sequence: Int64 {
            switch self {
            case .contentChanged(let sequence), .linkBroken(let sequence, _), .unsealed(let sequence): sequence
            case .sequenceGap(_, let found): found
            }
        }

        public var description: String {
            switch self {
            case .contentChanged(let sequence):
                "event \(sequence) was changed after it was written (its content no longer matches its hash)"
            case .linkBroken(let sequence, _):
                "event \(sequence) does not follow the event before it (an event was deleted, inserted or moved)"
            case .sequenceGap(let expected, let found):
                "event \(expected) is missing: the next event is \(found) (an event was deleted or moved)"
            case .unsealed(let sequence):
                "event \(sequence) does not carry a seal made with this installation's key (it was written or rewritten without the key)"
            }
        }
    }

    /// Checks events in stored order, one at a time, so a log of any length is verified in
    /// constant memory. Feed every event, then read `firstBreak`, `count` and `head`.
    public struct Verifier: Sendable {
        public private(set) var count: Int64 = 0
        public private(set) var head = AuditChain.genesis
        public private(set) var firstBreak: Break?
        /// A head kept from an earlier run, and whether the chain still passes through it.
        public let expectedHead: String?
        public private(set) var passedExpectedHead = false
        /// The seal keys by id; with none, seals are not checked (structure only).
        private let sealKeys: [String: AuditSealKey]
        /// Per seal key id, the last event sealed with it.
        public private(set) var lastSealedWith: [String: Int64] = [:]
        /// Per key id, the last event a checked rotation (`AuditKeyRetirement`) vouched for.
        public private(set) var retiredThrough: [String: Int64] = [:]
        /// Events sealed with a key this verifier does not hold, by key id (first and last such
        /// event): they pass only if a later rotation event, sealed with a key it does hold,
        /// retires that key through them.
        private var awaitingRetirement: [String: ClosedRange<Int64>] = [:]

        public init(expectedHead: String? = nil, sealKeys: [AuditSealKey] = []) {
            self.expectedHead = expectedHead?.lowercased()
            self.sealKeys = Dictionary(sealKeys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// Whether seals are being checked.
        public var checksSeals: Bool { !sealKeys.isEmpty }

        /// Checks the next event and its seal (`keyID`, `mac`), if it has one.
        public mutating func check(_ entry: Entry, seal: (keyID: String, mac: String)? = nil) {
            guard firstBreak == nil else { return }
            let expected = count + 1
            if entry.sequence != expected {
                firstBreak = .sequenceGap(expected: expected, found: entry.sequence)
            } else if entry.previousHash != head {
                firstBreak = .linkBroken(sequence: entry.sequence, expectedPrevious: head)
            } else if entry.computedHash != entry.hash {
                firstBreak = .contentChanged(sequence: entry.sequence)
            } else if checksSeals {
                checkSeal(of: entry, seal)
            }
            count += 1
            head = entry.hash
            if entry.hash == expectedHead { passedExpectedHead = true }
        }

        private mutating func checkSeal(of entry: Entry, _ seal: (keyID: String, mac: String)?) {
            guard let seal else { return firstBreak = .unsealed(sequence: entry.sequence) }
            lastSealedWith[seal.keyID] = entry.sequence
            guard let key = sealKeys[seal.keyID] else {
                let first = awaitingRetirement[seal.keyID]?.lowerBound ?? entry.sequence
                awaitingRetirement[seal.keyID] = first...entry.sequence
                return
            }
            guard key.verifies(seal.mac, sequence: entry.sequence, hash: entry.hash) else {
                return firstBreak = .unsealed(sequence: entry.sequence)
            }
            // Sealed with a key held here, the rotation event's chain hash vouches for every event before it.
            guard entry.action == AuditAction.masterKeysRotated.rawValue, let retirement = AuditKeyRetirement(detail: entry.detail),
                retirement.checkedThrough < entry.sequence
            else { return }
            for id in retirement.retiredKeyIDs {
                retiredThrough[id] = max(retiredThrough[id] ?? 0, retirement.checkedThrough)
                if let waiting = awaitingRetirement[id], waiting.upperBound <= retirement.checkedThrough {
                    awaitingRetirement[id] = nil
                }
            }
        }

        /// The first event that broke the chain; with none, the first whose seal no key held
        /// here checks and no later rotation vouches for. (Events waiting for a rotation's word
        /// before a break are not blamed: the break kept the rotation event from being read.)
        public var firstProblem: Break? {
            firstBreak ?? awaitingRetirement.values.map(\.lowerBound).min().map { Break.unsealed(sequence: $0) }
        }

        /// What an operator is told: nil when the chain is whole, sealed, and passes through the kept head.
        public var problem: String? {
            if let firstProblem { return firstProblem.description }
            if let expectedHead, !passedExpectedHead {
                return
                    "the chain no longer passes through the head \(expectedHead) kept earlier (events were cut from the end, or the log was replaced)"
            }
            return nil
        }
    }
}
