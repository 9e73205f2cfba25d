import ConsiliumCore

/// Step 2's page: the full agreement, the tick, the typed signature and the courtesy-copy choice.
struct AgreementStepPage: Sendable {
    let progress: WizardProgress
    let summary: FormErrors
    let action: String
    /// The agreement's paragraphs, made once per version.
    let paragraphsHTML: RenderedFragment
    let agreementVersion: Int
    let termsVersion: Int
    let signerName: String
    let signingForPatient: Bool
    let patientName: String
    let authorityLabel: String
    let accept: ChoiceInput
    let acceptChecked: Bool
    let signature: TextInput
    let courtesyCopyChecked: Bool
    let showBack: Bool

    init(
        active: AgreementService.Active, details: PersonalDetails, draft: RegistrationDraft, errors: [String: String],
        action: String = RegistrationStep.agreement.path, steps: [RegistrationStep] = RegistrationStep.allCases, showBack: Bool = true
    ) {
        progress = WizardProgress(.agreement, steps: steps)
        self.action = action
        self.showBack = showBack
        paragraphsHTML = active.agreementHTML
        agreementVersion = active.agreement.version
        termsVersion = active.terms.version
        signerName = details.signerFirstName + " " + details.signerLastName
        signingForPatient = details.proxy != nil
        patientName = details.patientFirstName + " " + details.patientLastName
        authorityLabel = details.proxy?.authority.asTheir ?? ""
        accept = ChoiceInput(
            "agree", label: "", choices: [("yes", "I have read this agreement and the Terms of Use, and I accept them")],
            selected: draft.agreementTicked ? "yes" : "", error: errors["agree"], radio: true)
        acceptChecked = draft.agreementTicked
        signature = TextInput(
            "signature", label: "Type your full name to sign", value: draft.typedSignature, autocomplete: "name",
            hint: "Type it as \(details.signerFirstName) \(details.signerLastName). This is your electronic signature.",
            error: errors["signature"])
        courtesyCopyChecked = draft.courtesyCopy
        summary = FormErrors([(accept.anchor, errors["agree"]), ("signature", errors["signature"])])
    }
}

/// Step 3's page: email and password, each typed twice.
struct AccountStepPage: Sendable {
    let progress: WizardProgress
    let summary: FormErrors
    let email: TextInput
    let emailConfirmation: TextInput
    let password: TextInput
    let passwordConfirmation: TextInput
    let passwordKept: Bool
    let rules: [String]

    init(draft: RegistrationDraft, errors: [String: String]) {
        progress = WizardProgress(.account)
        let kept = draft.passwordHash != nil
        passwordKept = kept
        email = TextInput(
            "email", label: "Email address", value: draft.email, type: "email", autocomplete: "email",
            hint: "We will use this address as our main way to contact you. We will not share it or use it for anything else.",
            error: errors["email"])
        emailConfirmation = TextInput(
            "emailConfirmation", label: "Email address again", value: draft.emailConfirmation, type: "email", autocomplete: "email",
            error: errors["emailConfirmation"])
        password = TextInput(
            "password", label: "Password", type: "password", autocomplete: "new-password",
            hint: kept ? "You have already chosen a password. Leave both password fields empty to keep it." : nil, error: errors["password"]
        )
        passwordConfirmation = TextInput(
            "passwordConfirmation", label: "Password again", type: "password", autocomplete: "new-password",
            error: errors["passwordConfirmation"])
        rules = PasswordRules.sentences
        summary = FormErrors([
            ("email", errors["email"]), ("emailConfirmation", errors["emailConfirmation"]), ("password", errors["password"]),
            ("passwordConfirmation", errors["passwordConfirmation"]),
        ])
    }
}

/// Step 4's page: postal address, telephone, preferred time.
struct ContactStepPage: Sendable {
    let progress: WizardProgress
    let summary: FormErrors
    let addressLine1: TextInput
    let addressLine2: TextInput
    let city: TextInput
    let region: TextInput
    let postalCode: TextInput
    let country: ChoiceInput
    let phone: TextInput
    let preferredContactTime: ChoiceInput

    static let contactTimes = [
        ("", "No preference"), ("morning", "Mornings (8 am to noon)"), ("afternoon", "Afternoons (noon to 5 pm)"),
        ("evening", "Evenings (5 pm to 8 pm)"),
    ]

    init(contact: ContactInput, errors: [String: String]) {
        progress = WizardProgress(.contact)
        addressLine1 = TextInput(
            "addressLine1", label: "Address line 1", value: contact.addressLine1, autocomplete: "address-line1",
            error: errors["addressLine1"])
        addressLine2 = TextInput(
            "addressLine2", label: "Address line 2 (optional)", value: contact.addressLine2, autocomplete: "address-line2",
            error: errors["addressLine2"])
        city = TextInput("city", label: "Town or city", value: contact.city, autocomplete: "address-level2", error: errors["city"])
        region = TextInput(
            "region", label: "State, province or region", value: contact.region, autocomplete: "address-level1",
            hint: "For the United States, the two-letter state code, like MA.", error: errors["region"])
        postalCode = TextInput(
            "postalCode", label: "ZIP or postal code", value: contact.postalCode, autocomplete: "postal-code", error: errors["postalCode"],
            width: "width-10")
        country = ChoiceInput(
            "addressCountry", label: "Country", list: .countries, selected: contact.country, error: errors["addressCountry"])
        phone = TextInput(
            "phone", label: "Telephone number", value: contact.phone, type: "tel", autocomplete: "tel",
            hint: "A U.S. number as you usually write it, like (617) 555-0123. Other countries: start with + and the country code.",
            error: errors["phone"], width: "width-20")
        preferredContactTime = ChoiceInput(
            "preferredContactTime", label: "Best time to call you (optional)", choices: Self.contactTimes,
            selected: contact.preferredContactTime,
            error: errors["preferredContactTime"], radio: false)
        summary = FormErrors(
            ["addressLine1", "addressLine2", "city", "region", "postalCode", "addressCountry", "phone", "preferredContactTime"].map {
                ($0, errors[$0])
            })
    }
}
