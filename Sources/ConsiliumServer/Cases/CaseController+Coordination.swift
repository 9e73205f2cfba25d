import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// The coordinator's panel on the case page (the staff-only partial `cases/coordination`).
/// Staff work in English, so its words are English by design.
extension CaseController {
    func staffPanel(
        _ caseModel: CaseModel, report: ReportModel?, form: FormData, errors: [String: String]
    ) async throws -> CasePage.StaffPanel {
        let state = caseModel.state
        let consultants = try await triage.consultants(for: caseModel.specialty)
        let consent = try await ConsentRecordModel.query(on: database.db).filter(\.$patient.$id == caseModel.$patient.id)
            .sort(\.$signedAt, .descending).first()
        let optOuts = try await CourtesyCopyOptOutModel.query(on: database.db).filter(\.$caseModel.$id == caseModel.requireID())
            .sort(\.$recordedAt).all()
        // whoever opened the request, to telephone them (the case page's view is audited)
        let contactLine = try await ContactDetailsModel.query(on: database.db).filter(\.$user.$id == caseModel.$openedBy.id)
            .with(\.$user).first()
            .map { contact in
                let time = contact.preferredTimePhrase(Wording(messages: renderer.messages, language: .english)).map { ", \($0)" } ?? ""
                return "\(contact.user.displayName): \(contact.phoneDisplay)\(time); \(contact.addressLine1), \(contact.cityLine)"
            }
        let declined =
            if !optOuts.isEmpty { "Declined by telephone" } else if consent?.courtesyCopy == false { "Declined at signing" } else { "" }
        let released = report?.releasedAt != nil
        // each of the panel's forms posts its text as `message`; it is shown again in the form that sent it
        func field(_ action: String, _ anchor: String) -> TypedField {
            TypedField(value: form["action"] == action ? form["message"] : "", error: errors[anchor])
        }
        let courtesy: String =
            if released {
                report?.courtesyCopy == true ? "Sent to the patient when the report was released" : "Not sent: \(declined.lowercased())"
            } else {
                declined.isEmpty ? "To be sent when the report is released" : declined
            }
        return CasePage.StaffPanel(
            canComplete: state == .physicianConfirmed, canReview: state == .inReview, canAssign: state == .inReview || state == .assigned,
            canClose: state == .released,
            consultants: consultants.map {
                Option(
                    value: $0.id.rawValue.uuidString, label: "\($0.name) (\($0.openCases) open)",
                    selected: $0.id.rawValue == caseModel.assignedConsultantID, id: "consultant-\($0.id.rawValue.uuidString)")
            }, hasConsultants: !consultants.isEmpty, hasConsultantError: errors["consultant"] != nil,
            consultantError: errors["consultant"] ?? "", courtesyCopy: courtesy,
            optOuts: optOuts.map { "\(DisplayDate.withTime($0.recordedAt)), recorded by \($0.recordedByName): \($0.note)" },
            hasOptOuts: !optOuts.isEmpty, canRecordOptOut: !released && !state.isFinal && declined.isEmpty, contact: contactLine ?? "",
            hasContact: contactLine != nil,
            request: field("request_info", "request-message"), decline: field("decline", "decline-message"),
            optOut: field("courtesy_optout", "optout-note"))
    }
}
