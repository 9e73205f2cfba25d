import ConsiliumCore
import FluentKit
import Foundation
import Hummingbird

/// Treating physicians register on one page. The account can sign in at once but sees no
/// patient's data until a coordinator has verified the physician's identity.
struct PhysicianRegistrationController: Sendable {
    let database: DatabaseService
    let hasher: PasswordHasher
    let policy: PasswordPolicy
    let limiter: RateLimiter
    let audit: AuditLog
    let outbox: Outbox
    let tokens: EmailTokens
    let mail: AccountMail
    let renderer: PageRenderer

    /// The registration page.
    struct Page: Sendable {
        let summary: FormErrors
        let firstName: TextInput, lastName: TextInput, email: TextInput, emailConfirmation: TextInput
        let password: TextInput, passwordConfirmation: TextInput, rules: [String]
        let npi: TextInput, licenceState: ChoiceInput, licenceNumber: TextInput, specialty: TextInput
        let practiceName: TextInput, addressLine1: TextInput, addressLine2: TextInput, city: TextInput, state: ChoiceInput
        let postalCode: TextInput, phone: TextInput

        init(_ form: FormData, errors: [String: String], wording: Wording) {
            func t(
                _ name: String, _ label: String, _ autocomplete: String, type: String = "text", hint: String? = nil, keep: Bool = true
            )
                -> TextInput
            {
                TextInput(
                    name, label: label, value: keep ? form[name] : "", type: type, autocomplete: autocomplete, hint: hint,
                    error: errors[name])
            }
            firstName = t("firstName", "First name", "given-name")
            lastName = t("lastName", "Last name", "family-name")
            email = t(
                "email", "Email address", "email", type: "email", hint: "We write to you here when a patient needs you. We never share it.")
            emailConfirmation = t("emailConfirmation", "Email address again", "email", type: "email")
            password = t("password", "Password", "new-password", type: "password", keep: false)
            passwordConfirmation = t("passwordConfirmation", "Password again", "new-password", type: "password", keep: false)
            rules = PasswordRules.sentences(wording)
            npi = t("npi", "National Provider Identifier (NPI)", "off", hint: "10 digits.")
            licenceState = ChoiceInput(
                "licenceState", label: "State that issued your medical license", list: .usStates(wording), selected: form["licenceState"],
                error: errors["licenceState"])
            licenceNumber = t("licenceNumber", "License number", "off")
            specialty = t("specialty", "Your specialty", "off", hint: "For example: Internal medicine, Family medicine, Cardiology.")
            practiceName = t("practiceName", "Practice name", "organization")
            addressLine1 = t("addressLine1", "Practice address line 1", "address-line1")
            addressLine2 = t("addressLine2", "Practice address line 2 (optional)", "address-line2")
            city = t("city", "Town or city", "address-level2")
            state = ChoiceInput("state", label: "State", list: .usStates(wording), selected: form["state"], error: errors["state"])
            postalCode = t("postalCode", "ZIP code", "postal-code")
            phone = t("phone", "Practice telephone number", "tel", type: "tel")
            summary = FormErrors(
                [
                    "firstName", "lastName", "email", "emailConfirmation", "password", "passwordConfirmation", "npi", "licenceState",
                    "licenceNumber", "specialty", "practiceName", "addressLine1", "city", "state", "postalCode", "phone",
                ].map { ($0, errors[$0]) })
        }
    }

    func show(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.renderKept(
            "physicians/register", "physicians/register", title: "Register as a treating physician",
            content: Page(FormData(), errors: [:], wording: renderer.wording(context)),
            context: context, hasForm: true)
    }

    func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = context.form
        var input = PhysicianRegistrationRules.Input()
        input.firstName = form["firstName"]
        input.lastName = form["lastName"]
        input.npi = form["npi"]
        input.licenceState = form["licenceState"]
        input.licenceNumber = form["licenceNumber"]
        input.specialty = form["specialty"]
        input.practiceName = form["practiceName"]
        input.addressLine1 = form["addressLine1"]
        input.addressLine2 = form["addressLine2"]
        input.city = form["city"]
        input.state = form["state"]
        input.postalCode = form["postalCode"]
        input.phone = form["phone"]
        var (checked, errors) = PhysicianRegistrationRules.check(input)
        let account = AccountRules.check(
            email: form["email"], emailConfirmation: form["emailConfirmation"], password: form["password"],
            passwordConfirmation: form["passwordConfirmation"], passwordAlreadyChosen: false, names: [input.firstName, input.lastName],
            policy: policy)
        errors.merge(renderer.wording(context)(account.errors)) { first, _ in first }
        guard let checked, let email = account.email, errors.isEmpty else {
            return try renderer.render(
                "physicians/register", title: "Register as a treating physician",
                content: Page(form, errors: errors, wording: renderer.wording(context)), context: context,
                status: .badRequest, hasForm: true)
        }
        try await limiter.hit(RateLimiter.Rules.registrationPerAddress, subject: context.clientAddress)
        try await limiter.hit(RateLimiter.Rules.registrationPerAccount, subject: email.value)
        let hash = try await hasher.hash(form["password"])
        let actor = context.auditActor()
        let language = context.language
        do {
            try await database.db.transaction { tx in
                let user = UserModel(
                    email: email, displayName: "\(checked.firstName) \(checked.lastName)", role: .treatingPhysician, passwordHash: hash)
                user.language = language.tag
                try await user.create(on: tx)
                let profile = PhysicianProfileModel()
                profile.$user.id = try user.requireID()
                profile.npi = checked.npi.value
                profile.licenceState = checked.licenceState
                profile.licenceNumber = checked.licenceNumber
                profile.specialty = checked.specialty
                profile.practiceName = checked.practiceName
                profile.addressLine1 = checked.addressLine1
                profile.addressLine2 = checked.addressLine2
                profile.city = checked.city
                profile.state = checked.state
                profile.postalCode = checked.postalCode
                profile.phone = checked.phone.e164
                profile.verification = PhysicianProfileModel.Verification.pending.rawValue
                profile.verificationNote = ""
                try await profile.create(on: tx)
                let token = try await tokens.issue(.verifyEmail, for: try user.requireID(), in: tx)
                try await outbox.enqueue(mail.verifyEmail(to: email.value, token: token, in: user.mailLanguage), in: tx)
                var registered = actor
                registered.userID = user.userID
                registered.role = .treatingPhysician
                try await audit.record(.physicianRegistered, by: registered, on: .user(user.userID!), in: tx)
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The email or the NPI is taken. The NPI is public; the email is not revealed.
            if try await PhysicianProfileModel.query(on: database.db).filter(\.$npi == checked.npi.value).count() > 0 {
                return try renderer.render(
                    "physicians/register", title: "Register as a treating physician",
                    content: Page(
                        form, errors: ["npi": "A physician with this NPI is already registered. Sign in, or call us if this is wrong."],
                        wording: renderer.wording(context)),
                    context: context, status: .badRequest, hasForm: true)
            }
            try await database.db.transaction { tx in
                if let owner = try await UserModel.query(on: tx).filter(\.$email == email.value).first() {
                    try await outbox.enqueue(mail.registrationAttempt(to: owner.email, in: owner.mailLanguage), in: tx)
                }
            }
        }
        return try renderer.render("registration/check-email", title: "Check your email", content: EmptyContent(), context: context)
    }
}
