import ConsiliumCore
import Foundation
import Testing

@Suite("Who has looked, summarised")
struct AccessSummaryTests {
    let patient = UUID()
    let consultant = UUID()
    let coordinator = UUID()

    func at(_ minutes: Double) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + minutes * 60) }

    @Test("repeats of one person doing one thing are one line with a count, first and last time")
    func grouping() {
        let (others, own) = AccessSummary.lines([
            .init(actor: consultant, isPatientSide: false, what: "Looked at the request", at: at(1)),
            .init(actor: consultant, isPatientSide: false, what: "Looked at the request", at: at(9)),
            .init(actor: consultant, isPatientSide: false, what: "Looked at the request", at: at(5)),
            .init(actor: consultant, isPatientSide: false, what: "Read the report", at: at(7)),
            .init(actor: coordinator, isPatientSide: false, what: "Looked at the request", at: at(3)),
        ])
        #expect(own.isEmpty)
        #expect(others.count == 3)
        #expect(others[0] == .init(actor: consultant, what: "Looked at the request", count: 3, first: at(1), last: at(9)))
        #expect(others.map(\.last) == [at(9), at(7), at(3)], "most recent first")
    }

    @Test("the patient's own side is kept apart from other people's access")
    func patientSideApart() {
        let (others, own) = AccessSummary.lines(
            (0..<8).map { .init(actor: patient, isPatientSide: true, what: "Looked at the records", at: at(Double($0))) }
                + [.init(actor: nil, isPatientSide: false, what: "Moved the request on", at: at(2))])
        #expect(own == [.init(actor: patient, what: "Looked at the records", count: 8, first: at(0), last: at(7))])
        #expect(others.map(\.actor) == [nil])
    }
}
