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

    public static func check(_ input: Input, specialties: [String]) -> (Checked?, [String: String]) {
        var errors: [String: String] = [:]
        if !specialties.contains(input.specialty) { errors["specialty"] = "Select the kind of specialist you would like an opinion from." }
        func text(_ raw: String, _ field: String, required message: String?, max: Int = longTextLimit) -> String {
            let clean = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if clean.isEmpty, let message { errors[field] = message }
            if clean.count > max { errors[field] = "Shorten this to \(max) characters." }
            return clean
        }
        let question = text(input.question, "question", required: "Write the question you would like the specialist to answer.")
        let diagnosis = text(input.diagnosis, "diagnosis", required: nil)
        let treatments = text(input.treatments, "treatments", required: nil)
        let physicianName = text(input.physicianName, "physicianName", required: "Enter your treating physician's name.", max: 120)
        var email: EmailAddress?
        do { email = try EmailAddress(input.physicianEmail) } catch {
            errors["physicianEmail"] = "Enter your physician's email address, like name@practice.org."
        }
        var npi: NPI?
        if !input.physicianNPI.trimmingCharacters(in: .whitespaces).isEmpty {
            do { npi = try NPI(input.physicianNPI) } catch .checkDigit {
                errors["physicianNPI"] = "This NPI's last digit does not match the others: please check it, or leave it empty."
            } catch { errors["physicianNPI"] = "An NPI has exactly 10 digits. If you do not know it, leave it empty." }
        }
        guard errors.isEmpty, let email else { return (nil, errors) }
        return (
            Checked(
                specialty: input.specialty, question: question, diagnosis: diagnosis, treatments: treatments, physicianName: physicianName,
                physicianEmail: email, physicianNPI: npi), errors
        )
    }
}
