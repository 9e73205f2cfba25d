import ConsiliumCore
import FluentKit
import Foundation
import SQLKit

/// For the benchmark: fills the database with many cases and timeline events (after the demo
/// data, whose first patient they belong to), written in large batches.
public struct BenchSeed: Sendable {
    let dependencies: AppDependencies

    public init(_ dependencies: AppDependencies) {
        self.dependencies = dependencies
    }

    public func run(cases: Int, eventsPerCase: Int, batch: Int = 400) async throws {
        guard dependencies.config.environment != .production else {
            throw UserCommands.Refusal(description: "Benchmark data is never loaded in production.")
        }
        let db = dependencies.database.db
        guard let link = try await PatientAccessModel.query(on: db).first()
        else { throw UserCommands.Refusal(description: "Load the demo data first (consilium demo).") }
        let states: [CaseState] = [
            .submitted, .physicianConfirmed, .inReview, .infoRequested, .assigned, .reportDrafted, .released, .closed,
        ]
        let specialties = dependencies.config.specialties
        let now = Date()
        var start = 0
        while start < cases {
            let end = min(start + batch, cases)
            let first = start
            try await db.transaction { tx in
                guard let tsql = tx as? any SQLDatabase else { return }
                var insert = tsql.insert(into: CaseModel.schema).columns(
                    "id", "created_at", "updated_at", "patient_id", "opened_by", "reference", "state", "specialty", "question", "diagnosis",
                    "treatments", "physician_name", "physician_email", "physician_npi", "clinical_history", "clinical_question",
                    "materials",
                    "opened_at_us", "records_completed_at", "records_completed_us")
                var events: [(UUID, Date, CaseState)] = []
                for index in first..<end {
                    let id = UUID()
                    let opened = now.addingTimeInterval(-Double(index) * 37)
                    let state = states[index % states.count]
                    let completed: Date? =
                        [.inReview, .infoRequested, .assigned, .reportDrafted].contains(state) ? opened.addingTimeInterval(86400) : nil
                    let digits = String(100_000_000 + index).compactMap(\.wholeNumberValue)
                    let reference = digits.map(String.init).joined() + String(Luhn.checkDigit(for: digits))
                    insert = insert.values(
                        SQLBind(id), SQLBind(opened), SQLBind(opened), SQLBind(link.$patient.id), SQLBind(link.$user.id),
                        SQLBind(reference),
                        SQLBind(state.rawValue), SQLBind(specialties[index % specialties.count]), SQLBind("Benchmark question \(index)"),
                        SQLBind(""), SQLBind(""), SQLBind("Dr. Bench"), SQLBind("bench@example.org"), SQLBind(""), SQLBind(""), SQLBind(""),
                        SQLBind(""), SQLBind(CaseModel.micros(opened)), SQLBind(completed), SQLBind(completed.map(CaseModel.micros)))
                    for step in 0..<eventsPerCase { events.append((id, opened.addingTimeInterval(Double(step) * 60), state)) }
                }
                try await insert.run()
                for chunk in stride(from: 0, to: events.count, by: batch) {
                    var eventInsert = tsql.insert(into: CaseEventModel.schema).columns(
                        "id", "occurred_at", "case_id", "actor_user_id", "actor_name", "actor_role", "from_state", "to_state", "reason")
                    for (caseID, when, state) in events[chunk..<min(chunk + batch, events.count)] {
                        eventInsert = eventInsert.values(
                            SQLBind(UUID()), SQLBind(when), SQLBind(caseID), SQLLiteral.null, SQLBind("Benchmark"), SQLBind("system"),
                            SQLBind("submitted"), SQLBind(state.rawValue), SQLBind("Benchmark event"))
                    }
                    try await eventInsert.run()
                }
            }
            start = end
        }
    }
}
