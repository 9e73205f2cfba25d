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
            firstName = t("firstName", wording("physician-first-name"), "given-name")
            lastName = t("lastName", wording("physician-last-name"), "family-name")
            email = t("email", wording("signin-email"), "email", type: "email", hint: wording("physician-email-hint"))
            emailConfirmation = t("emailConfirmation", wording("reg-email-again"), "email", type: "email")
            password = t("password", wording("signin-password"), "new-password", type: "password", keep: false)
            passwordConfirmation = t("passwordConfirmation", wording("reg-password-again"), "new-password", type: "password", keep: false)
            rules = PasswordRules.sentences(wording)
            npi = t("npi", wording("physician-npi"), "off", hint: wording("physician-npi-hint"))
            licenceState = ChoiceInput(
                "licenceState", label: wording("physician-licence-state"), list: .usStates(wording), selected: form["licenceState"],
                error: errors["licenceState"])
            licenceNumber = t("licenceNumber", wording("physician-licence-number"), "off")
            specialty = t("specialty", wording("physician-specialty"), "off", hint: wording("physician-specialty-hint"))
            practiceName = t("practiceName", wording("physician-practice-name"), "organization")
            addressLine1 = t("addressLine1", wording("physician-address-line1"), "address-line1")
            addressLine2 = t("addressLine2", wording("physician-address-line2"), "address-line2")
            city = t("city", wording("contact-city"), "address-level2")
            state = ChoiceInput(
                "state", label: wording("physician-state"), list: .usStates(wording), selected: form["state"], error: errors["state"])
            postalCode = t("postalCode", wording("physician-postal-code"), "postal-code")
            phone = t("phone", wording("physician-phone"), "tel", type: "tel")
            summary = FormErrors(
                [
                    "firstName", "lastName", "email", "emailConfirmation", "password", "passwordConfirmation", "npi", "licenceState",
                    "licenceNumber", "specialty", "practiceName", "addressLine1", "city", "state", "postalCode", "phone",
                ].map { ($0, errors[$0]) })
        }
    }

    func show(_ request: Request, context: AppRequestContext) throws -> Response {
        try renderer.renderKept(
            "physicians/register", "physicians/register", title: renderer.wording(context)("physician-register-heading"),
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
        let wording = renderer.wording(context)
        let (checked, ruleErrors) = PhysicianRegistrationRules.check(input)
        var errors = wording(ruleErrors)
        let account = AccountRules.check(
            email: form["email"], emailConfirmation: form["emailConfirmation"], password: form["password"],
            passwordConfirmation: form["passwordConfirmation"], passwordAlreadyChosen: false, names: [input.firstName, input.lastName],
            policy: policy)
        errors.merge(wording(account.errors)) { first, _ in first }
        guard let checked, let email = account.email, errors.isEmpty else {
            return try renderer.render(
                "physicians/register", title: wording("physician-register-heading"),
                content: Page(form, errors: errors, wording: wording), context: context,
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
                    "physicians/register", title: wording("physician-register-heading"),
                    content: Page(form, errors: ["npi": wording("physician-error-npi-taken")], wording: wording),
                    context: context, status: .badRequest, hasForm: true)
            }
            try await database.db.transaction { tx in
                if let owner = try await UserModel.query(on: tx).filter(\.$email == email.value).first() {
                    try await outbox.enqueue(mail.registrationAttempt(to: owner.email, in: owner.mailLanguage), in: tx)
                }
            }
        }
        return try renderer.render(
            "registration/check-email", title: wording("check-email-heading"), content: EmptyContent(), context: context)
    }
}
