/// The checks of the patient's request for a second opinion.
public enum CaseRequestRules {
    /// The request as typed.
    public struct Input: Sendable {
        public var patientID = "", specialty = "", question = "", diagnosis = "", treatments = ""
        public var physicianName = "", physicianEmail = "", physicianNPI = ""
        public init() {}
    }

    /// The request after checking.
    public struct Checked: Sendable {
        public var specialty: String, question: String, diagnosis: String, treatments: String
        public var physicianName: String, physicianEmail: EmailAddress, physicianNPI: NPI?
    }

    public static let longTextLimit = 4000

    public static func check(_ input: Input, specialties: [String]) -> (Checked?, [String: Message]) {
        var errors: [String: Message] = [:]
        if !specialties.contains(input.specialty) { errors["specialty"] = Message("request-error-specialty") }
        func text(_ raw: String, _ field: String, required message: String?, max: Int = longTextLimit) -> String {
            let clean = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty, let message { errors[field] = Message(message) }
            if clean.count > max { errors[field] = Message("contact-error-too-long", ["max": .number(max)]) }
            return clean
        }
        let question = text(input.question, "question", required: "request-error-question")
        let diagnosis = text(input.diagnosis, "diagnosis", required: nil)
        let treatments = text(input.treatments, "treatments", required: nil)
        let physicianName = text(input.physicianName, "physicianName", required: "request-error-physician-name", max: 120)
        var email: EmailAddress?
        do { email = try EmailAddress(input.physicianEmail) } catch {
            errors["physicianEmail"] = Message("request-error-physician-email")
        }
        var npi: NPI?
        if !input.physicianNPI.trimmingCharacters(in: .whitespaces).isEmpty {
            do { npi = try NPI(input.physicianNPI) } catch .checkDigit {
                errors["physicianNPI"] = Message("request-error-npi-check")
            } catch { errors["physicianNPI"] = Message("request-error-npi-length") }
        }
        guard errors.isEmpty, let email else { return (nil, errors) }
        return (
            Checked(
                specialty: input.specialty, question: question, diagnosis: diagnosis, treatments: treatments, physicianName: physicianName,
                physicianEmail: email, physicianNPI: npi), errors
        )
    }
}
