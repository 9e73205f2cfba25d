import Crypto
import Foundation

/// What a signed report says, in a fixed form whose SHA-256 the report keeps: any later change
/// to a stored report shows as a different hash.
public struct ReportContent: Equatable, Sendable {
    public var caseReference: String
    public var recordsReviewed: [String]
    public var historySummary: String
    public var opinion: String
    public var recommendations: String
    public var answers: String
    /// The "Summary for the patient": the opinion in plain words, in `patientSummaryLanguage`
    /// (a `Language` tag). Reports signed before the summary existed have none.
    public var patientSummary: String
    public var patientSummaryLanguage: String
    public var signer: String
    public var signedAt: Date

    public init(
        caseReference: String, recordsReviewed: [String], historySummary: String, opinion: String, recommendations: String, answers: String,
        patientSummary: String = "", patientSummaryLanguage: String = "", signer: String, signedAt: Date
    ) {
        self.patientSummary = patientSummary
        self.patientSummaryLanguage = patientSummaryLanguage
        self.caseReference = caseReference
        self.recordsReviewed = recordsReviewed
        self.historySummary = historySummary
        self.opinion = opinion
        self.recommendations = recommendations
        self.answers = answers
        self.signer = signer
        self.signedAt = signedAt
    }

    /// Each field on its own, length-prefixed so no two reports share a canonical form. The
    /// patient's summary and its language follow the others, so a report signed before the
    /// summary existed keeps the hash it was signed with.
    public var canonicalText: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let summary = patientSummary.isEmpty ? [] : [patientSummary, patientSummaryLanguage]
        let fields =
            [
                caseReference, recordsReviewed.sorted().joined(separator: ","), historySummary, opinion, recommendations, answers, signer,
                formatter.string(from: signedAt),
            ] + summary
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
    }

    public var sha256: String {
        Hex.encode(SHA256.hash(data: Data(canonicalText.utf8)))
    }

    /// What a report must say before it can be signed; empty when complete.
    public var missing: [String] {
        var missing: [String] = []
        if recordsReviewed.isEmpty { missing.append("the records you reviewed") }
        if historySummary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("a summary of the history") }
        if opinion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("your opinion") }
        if recommendations.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("your recommendations") }
        if answers.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("an answer to the questions asked") }
        if patientSummary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("a summary for the patient") }
        return missing
    }
}

extension ReportContent {
    /// The hash of an addendum: chained to the report's own hash, so it cannot be moved to another report.
    public static func addendumSHA256(
        reportSHA256: String, kind: String, question: String, body: String, signer: String, signedAt: Date
    ) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let text = [reportSHA256, kind, question, body, signer, formatter.string(from: signedAt)].map { "\($0.utf8.count):\($0)" }
            .joined(separator: "\n")
        return Hex.encode(SHA256.hash(data: Data(text.utf8)))
    }
}

/// Whether the patient's side receives a courtesy copy of a released report: yes, unless the
/// patient declined it when signing the agreement or later by telephone.
public enum CourtesyCopyRule {
    public static func patientReceivesCopy(declinedAtSigning: Bool, declinedByPhone: Bool) -> Bool {
        !declinedAtSigning && !declinedByPhone
    }
}
