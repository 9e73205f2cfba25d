import ConsiliumCore

/// A patient's language as coordinators read it (staff pages are in English): "Spanish,
/// interpreter needed". Empty for a patient registered before the question was asked.
enum PatientLanguage {
    static func display(_ patient: PatientModel) -> String {
        guard let code = patient.preferredLanguage else { return "" }
        let name = SpokenLanguages.name(code, in: .english) ?? code
        return patient.interpreterNeeded == true ? "\(name), interpreter needed" : name
    }

    /// The queue's language filter: every language, every patient who needs an interpreter, or
    /// one language.
    enum Filter: Equatable, Sendable {
        case interpreter
        case language(String)

        init?(_ raw: String?) {
            guard let raw, !raw.isEmpty else { return nil }
            if raw == "interpreter" {
                self = .interpreter
            } else if SpokenLanguages.codes.contains(raw) {
                self = .language(raw)
            } else {
                return nil
            }
        }

        var raw: String {
            switch self {
            case .interpreter: "interpreter"
            case .language(let code): code
            }
        }
    }
}
