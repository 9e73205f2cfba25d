import Foundation

/// Compares the patient a DICOM file names with the case's patient. Wrong-patient imaging is a
/// real hazard, so any disagreement in name or birth date is flagged for a coordinator; an
/// empty or anonymised field is not a disagreement.
public enum DICOMPatientCheck {
    /// What disagrees.
    public enum Mismatch: String, Codable, Sendable {
        case name, birthDate = "birth_date"
    }

    public static func mismatches(
        _ metadata: DICOMReader.Metadata, firstName: String, lastName: String, birthDate: CalendarDate
    ) -> [Mismatch] {
        var found: [Mismatch] = []
        if let dicomDate = metadata.patientBirthDate?.filter(\.isNumber), dicomDate.count == 8,
            dicomDate != String(format: "%04d%02d%02d", birthDate.year, birthDate.month, birthDate.day)
        {
            found.append(.birthDate)
        }
        if let name = metadata.patientName {
            // PN is Family^Given^Middle^Prefix^Suffix; compare family and given names, ignoring case and accents.
            let parts =
                name.split(separator: "=", maxSplits: 1).first.map { $0.split(separator: "^", omittingEmptySubsequences: false) } ?? []
            let family = parts.first.map(String.init) ?? ""
            let given = parts.count > 1 ? String(parts[1]) : ""
            if !(family.isEmpty && given.isEmpty) {
                if fold(family) != fold(lastName)
                    || (!given.isEmpty && !fold(given).hasPrefix(fold(firstName).split(separator: " ").first.map(String.init) ?? ""))
                {
                    found.append(.name)
                }
            }
        }
        return found
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter { $0.isLetter }
    }
}
