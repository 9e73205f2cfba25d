import ConsiliumCore
import Foundation

/// What only the consultant's editor shows (the staff-only partial `reports/editor`): staff work
/// in English, so its words are English by design.
extension ReportPage {
    /// The reading grade of the summary as the consultant sees it while writing: advice, never a bar to signing.
    static func gradeSentence(_ readability: Readability, language: Language, empty: Bool) -> String {
        guard !empty else { return "The reading grade of the summary appears here once you save it." }
        let formula = language == .spanish ? "Fernández Huerta" : "Flesch–Kincaid"
        let grade = readability.grade.formatted(.number.precision(.fractionLength(1)))
        return readability.isAdvisable
            ? "Reading grade \(grade) (\(formula)): plain enough for most patients."
            : "Reading grade \(grade) (\(formula)). We advise grade \(Int(Readability.advisedGrade)) or below: "
                + "shorter sentences, everyday words."
    }
}
