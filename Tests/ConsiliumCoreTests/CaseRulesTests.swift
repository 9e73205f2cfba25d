import Foundation
import Testing

@testable import ConsiliumCore

@Suite("NPI check digits")
struct NPITests {
    @Test("published valid NPIs pass", arguments: ["1234567893", "1558598797", "123-456-7893", "1234 567 893"])
    func valid(_ raw: String) throws {
        #expect(try NPI(raw).value.count == 10)
    }

    @Test("every single-digit typo of a valid NPI is caught")
    func everyTypo() {
        for valid in ["1234567893", "1558598797"] {
            let digits = Array(valid)
            for position in digits.indices {
                for replacement in "0123456789" where replacement != digits[position] {
                    var typo = digits
                    typo[position] = replacement
                    #expect(throws: NPI.Problem.checkDigit, "\(String(typo))") { try NPI(String(typo)) }
                }
            }
        }
    }

    @Test("wrong lengths and letters are named as such")
    func shape() {
        #expect(throws: NPI.Problem.empty) { try NPI(" ") }
        #expect(throws: NPI.Problem.notTenDigits) { try NPI("123456789") }
        #expect(throws: NPI.Problem.notTenDigits) { try NPI("12345678931") }
        #expect(throws: NPI.Problem.notTenDigits) { try NPI("12345678a3") }
        #expect(throws: NPI.Problem.notTenDigits) { try NPI("١٢٣٤٥٦٧٨٩٣") }
    }
}

@Suite("Case reference numbers")
struct CaseReferenceTests {
    @Test("generated numbers are ten digits, pass their own check and do not repeat")
    func generation() throws {
        let references = (0..<2000).map { _ in CaseReference.generate() }
        #expect(Set(references).count == references.count)
        for reference in references {
            #expect(reference.value.count == 10)
            #expect(reference.value.first != "0")
            #expect(try CaseReference(reference.value) == reference)
            #expect(try CaseReference(reference.display) == reference)
        }
    }

    @Test("every single-digit typo and every swap of neighbouring different digits is caught")
    func typos() {
        for reference in (0..<50).map({ _ in CaseReference.generate() }) {
            let digits = Array(reference.value)
            for position in digits.indices {
                for replacement in "0123456789" where replacement != digits[position] {
                    var typo = digits
                    typo[position] = replacement
                    #expect(throws: CaseReference.Problem.checkDigit) { try CaseReference(String(typo)) }
                }
            }
            for position in 0..<(digits.count - 1) where digits[position] != digits[position + 1] {
                // Luhn misses only the 09/90 swap.
                if Set([digits[position], digits[position + 1]]) == Set("09") { continue }
                var swapped = digits
                swapped.swapAt(position, position + 1)
                #expect(throws: CaseReference.Problem.checkDigit) { try CaseReference(String(swapped)) }
            }
        }
    }

    @Test("it reads aloud in groups")
    func display() throws {
        let reference = try CaseReference("4992739872")
        #expect(reference.display == "499 273 9872")
    }

    @Test("it is read back however people copy it: as displayed, with hyphens, dots or no-break spaces")
    func copiedForms() throws {
        for typed in ["499 273 9872", " 499-273-9872 ", "499.273.9872", "499\u{00A0}273\u{00A0}9872", "499  273\t9872"] {
            #expect(try CaseReference(typed).value == "4992739872", "\(typed)")
        }
        #expect(throws: CaseReference.Problem.notTenDigits) { try CaseReference("499+273+9872") }
    }
}

@Suite("Case states")
struct CaseStateTests {
    let allowed: [(CaseState, CaseState, CaseActor)] = [
        (.draft, .submitted, .patientSide), (.submitted, .physicianConfirmed, .treatingPhysician),
        (.submitted, .physicianDeclined, .treatingPhysician), (.physicianDeclined, .submitted, .patientSide),
        (.submitted, .withdrawn, .patientSide), (.physicianConfirmed, .withdrawn, .patientSide),
        (.physicianConfirmed, .inReview, .coordinator), (.inReview, .infoRequested, .coordinator),
        (.infoRequested, .inReview, .coordinator), (.infoRequested, .inReview, .patientSide),
        (.infoRequested, .inReview, .treatingPhysician),
        (.inReview, .declined, .coordinator), (.inReview, .assigned, .coordinator), (.assigned, .assigned, .coordinator),
        (.assigned, .reportDrafted, .consultant), (.reportDrafted, .released, .consultant), (.reportDrafted, .released, .coordinator),
        (.released, .closed, .coordinator),
    ]

    @Test("every allowed move is allowed")
    func allowedMoves() throws {
        for (from, to, actor) in allowed {
            #expect(try from.move(to: to, by: actor) == to, "\(from) -> \(to) by \(actor)")
        }
        #expect(CaseState.moves.count == allowed.count + 2)  // withdrawal also from draft and after a decline
    }

    @Test("every other move, by every actor, is refused")
    func refusedMoves() {
        for from in CaseState.allCases {
            for to in CaseState.allCases {
                for actor in CaseActor.allCases where !CaseState.moves.contains(CaseMove(from: from, to: to, by: actor)) {
                    #expect(throws: RefusedCaseMove(from: from, to: to, by: actor)) { try from.move(to: to, by: actor) }
                }
            }
        }
        // a few that matter most, spelled out
        #expect(throws: RefusedCaseMove.self) { try CaseState.submitted.move(to: .physicianConfirmed, by: .patientSide) }
        #expect(throws: RefusedCaseMove.self) { try CaseState.released.move(to: .reportDrafted, by: .consultant) }
        #expect(throws: RefusedCaseMove.self) { try CaseState.closed.move(to: .inReview, by: .coordinator) }
    }

    @Test("final states have no way out")
    func finalStates() {
        for state in CaseState.allCases where state.isFinal {
            #expect(!CaseState.moves.contains { $0.from == state })
        }
    }

    @Test("administrators act as coordinators; family members as the patient's side")
    func actors() {
        #expect(CaseActor(role: .administrator) == .coordinator)
        #expect(CaseActor(role: .familyMember) == .patientSide)
        #expect(CaseActor(role: .treatingPhysician) == .treatingPhysician)
    }
}

@Suite("Reports")
struct ReportContentTests {
    let content = ReportContent(
        caseReference: "4992739872", recordsReviewed: ["b", "a"], historySummary: "History", opinion: "Opinion", recommendations: "Advice",
        answers: "Answers", patientSummary: "Your heart valve is narrow. A new valve can be put in through a blood vessel.",
        patientSummaryLanguage: "en", signer: "Dr. Helen Park", signedAt: Date(timeIntervalSince1970: 1_800_000_000.5))

    @Test("the hash follows every field and nothing else")
    func hash() {
        #expect(content.sha256.count == 64)
        var reordered = content
        reordered.recordsReviewed = ["a", "b"]
        #expect(reordered.sha256 == content.sha256)
        for change in [
            { (c: inout ReportContent) in c.opinion += "." }, { $0.signer = "Dr. H. Park" }, { $0.signedAt += 1 }, { $0.answers = "" },
            { $0.patientSummary += " Ask your doctor." }, { $0.patientSummaryLanguage = "es" },
            {
                $0.historySummary = "Histor"; $0.opinion = "yOpinion"
            },
        ] {
            var changed = content
            change(&changed)
            #expect(changed.sha256 != content.sha256)
        }
    }

    @Test("a report signed before the patient's summary existed keeps the hash it was signed with")
    func earlierHash() {
        var earlier = content
        earlier.patientSummary = ""
        earlier.patientSummaryLanguage = ""
        // the canonical form of the first reports: eight length-prefixed fields, nothing after the time
        #expect(earlier.canonicalText.hasSuffix("\n24:2027-01-15T08:00:00.500Z"))
        #expect(!content.canonicalText.hasSuffix("Z"))
    }

    @Test("a report missing a part cannot be signed, and says which")
    func missing() {
        #expect(content.missing.isEmpty)
        var empty = content
        empty.recordsReviewed = []
        empty.opinion = " "
        empty.patientSummary = "\n"
        #expect(empty.missing == ["the records you reviewed", "your opinion", "a summary for the patient"])
    }

    @Test("the courtesy copy goes out unless declined at signing or by telephone")
    func courtesyCopy() {
        #expect(CourtesyCopyRule.patientReceivesCopy(declinedAtSigning: false, declinedByPhone: false))
        #expect(!CourtesyCopyRule.patientReceivesCopy(declinedAtSigning: true, declinedByPhone: false))
        #expect(!CourtesyCopyRule.patientReceivesCopy(declinedAtSigning: false, declinedByPhone: true))
        #expect(!CourtesyCopyRule.patientReceivesCopy(declinedAtSigning: true, declinedByPhone: true))
    }
}
