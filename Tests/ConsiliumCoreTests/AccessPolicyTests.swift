import Testing

@testable import ConsiliumCore

@Suite("The access policy")
struct AccessPolicyTests {
    typealias Policy = AccessPolicy

    @Test("the whole table prints, one row per capability and case action, every relation a column")
    func printed() {
        let table = Policy.printedTable
        print(table)
        for capability in Policy.Capability.allCases { #expect(table.contains("  \(capability.rawValue): ")) }
        for action in Policy.CaseAction.allCases { #expect(table.contains("  \(action.rawValue) | ")) }
        #expect(Policy.CaseAction.allCases.allSatisfy { Policy.caseRules[$0] != nil }, "every case action has a rule")
        #expect(table.contains("  administer: administrator\n"))
        #expect(table.contains("  use_staff_area: coordinator, administrator\n"))
    }

    @Test("staff coordinate and administer nothing else; the institution includes consultants")
    func words() {
        #expect(Role.allCases.filter { Policy.allows($0, .useStaffArea) } == [.coordinator, .administrator])
        #expect(Role.allCases.filter { Policy.allows($0, .administer) } == [.administrator])
        #expect(Role.institutionalRoles.sorted { $0.rawValue < $1.rawValue } == [.administrator, .consultant, .coordinator])
        #expect(Role.allCases.filter { Policy.allows($0, .chooseTwoFactor) } == [.patient, .familyMember, .treatingPhysician])
    }

    @Test("naming another physician: the patient's side once the first declined; later, not now; others, not theirs")
    func rename() {
        let declined = Policy.CaseFacts(state: .physicianDeclined)
        let confirmed = Policy.CaseFacts(state: .physicianConfirmed)
        #expect(Policy.decide(.renamePhysician, .patient, declined) == .allowed)
        #expect(Policy.decide(.renamePhysician, .familyMember, declined) == .allowed)
        #expect(Policy.decide(.renamePhysician, .patient, confirmed) == .notNow)
        #expect(Policy.decide(.renamePhysician, .treatingPhysician, declined) == .notNow)
    }

    @Test("records: sent by the patient's side and the physician before review; removed only by their sender")
    func records() {
        for state in CaseState.allCases {
            let facts = Policy.CaseFacts(state: state)
            let expected: Policy.Decision = Policy.recordSendingStates.contains(state) ? .allowed : .refused
            #expect(Policy.decide(.sendRecords, .treatingPhysician, facts) == expected, "\(state)")
            #expect(Policy.decide(.sendRecords, .coordinator, facts) == .refused)
        }
        let own = Policy.CaseFacts(state: .submitted, sentRecord: true)
        let other = Policy.CaseFacts(state: .submitted, sentRecord: false)
        #expect(Policy.decide(.removeRecord, .patient, own) == .allowed)
        #expect(Policy.decide(.removeRecord, .familyMember, other) == .refused)
        #expect(Policy.decide(.removeRecord, .patient, Policy.CaseFacts(state: .inReview, sentRecord: true)) == .refused)
        #expect(Policy.decide(.seeRecordMismatch, .patient, own) == .hidden)
        #expect(Policy.decide(.seeRecordMismatch, .treatingPhysician, own) == .allowed)
    }

    @Test("the report: its consultant writes it; staff see it once begun; the physician once released; the patient with a courtesy copy")
    func report() {
        func facts(_ stage: Policy.ReportStage, courtesy: Bool = true, wrote: Bool = false) -> Policy.CaseFacts {
            Policy.CaseFacts(state: .assigned, report: stage, courtesyCopy: courtesy, wroteReport: wrote)
        }
        #expect(Policy.decide(.viewReport, .assignedConsultant, facts(.none)) == .allowed)
        #expect(Policy.decide(.viewReport, .assignedConsultant, facts(.draft, wrote: false)) == .hidden)
        #expect(Policy.decide(.viewReport, .coordinator, facts(.none)) == .hidden)
        #expect(Policy.decide(.viewReport, .coordinator, facts(.draft)) == .allowed)
        #expect(Policy.decide(.viewReport, .treatingPhysician, facts(.signed)) == .hidden)
        #expect(Policy.decide(.viewReport, .treatingPhysician, facts(.released)) == .allowed)
        #expect(Policy.decide(.viewReport, .patient, facts(.released, courtesy: false)) == .hidden)
        #expect(Policy.decide(.viewReport, .familyMember, facts(.released)) == .allowed)
        #expect(Policy.decide(.writeReport, .assignedConsultant, facts(.draft, wrote: true)) == .allowed)
        #expect(Policy.decide(.writeReport, .assignedConsultant, facts(.signed, wrote: true)) == .notNow)
        #expect(Policy.decide(.writeReport, .coordinator, facts(.draft)) == .hidden)
        #expect(Policy.decide(.releaseReport, .coordinator, facts(.signed)) == .allowed)
        #expect(Policy.decide(.releaseReport, .administrator, facts(.released)) == .notNow)
        #expect(Policy.decide(.releaseReport, .assignedConsultant, facts(.signed, wrote: false)) == .notNow)
        #expect(Policy.decide(.releaseReport, .treatingPhysician, facts(.signed)) == .hidden)
        #expect(Policy.decide(.signAddendum, .assignedConsultant, facts(.released, wrote: true)) == .allowed)
        #expect(Policy.decide(.signAddendum, .assignedConsultant, facts(.draft, wrote: true)) == .notNow)
        #expect(Policy.decide(.askFollowUp, .treatingPhysician, facts(.released)) == .allowed)
        #expect(Policy.decide(.askFollowUp, .treatingPhysician, facts(.signed)) == .hidden)
        #expect(Policy.decide(.askFollowUp, .patient, facts(.released)) == .hidden)
    }

    @Test("each role's queries reach only its own cases")
    func scope() {
        #expect(Policy.caseScope(for: .coordinator) == .all)
        #expect(Policy.caseScope(for: .administrator) == .all)
        #expect(Policy.caseScope(for: .patient) == .linkedPatients)
        #expect(Policy.caseScope(for: .familyMember) == .linkedPatients)
        #expect(Policy.caseScope(for: .treatingPhysician) == .treatedByMe)
        #expect(Policy.caseScope(for: .consultant) == .assignedToMe)
    }
}
