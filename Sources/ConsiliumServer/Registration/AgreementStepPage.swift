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
    /// The agreement's heading, its language, and the notice a reader of another language sees.
    let agreementHeading: String
    let agreementLanguage: String
    let agreementNotice: [String]
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
        active: AgreementService.Active, details: PersonalDetails, draft: RegistrationDraft, errors typed: [String: Message],
        wording: Wording, action: String = RegistrationStep.agreement.path, steps: [RegistrationStep] = RegistrationStep.allCases,
        showBack: Bool = true
    ) {
        let errors = wording(typed)
        progress = WizardProgress(.agreement, steps: steps, wording: wording)
        self.action = action
        self.showBack = showBack
        let shown = active.shownAgreement(wording)
        paragraphsHTML = shown.paragraphsHTML
        agreementVersion = active.agreement.version
        termsVersion = active.terms.version
        agreementHeading = shown.heading
        agreementLanguage = shown.language.tag
        agreementNotice = shown.notice
        signerName = details.signerFirstName + " " + details.signerLastName
        signingForPatient = details.proxy != nil
        patientName = details.patientFirstName + " " + details.patientLastName
        authorityLabel = wording(details.proxy?.authority.asTheir) ?? ""
        accept = ChoiceInput(
            "agree", label: "", choices: [("yes", wording("agreement-tick"))],
            selected: draft.agreementTicked ? "yes" : "", error: errors["agree"], radio: true)
        acceptChecked = draft.agreementTicked
        signature = TextInput(
            "signature", label: wording("agreement-signature-label"), value: draft.typedSignature, autocomplete: "name",
            hint: wording("agreement-signature-hint", ["name": .text("\(details.signerFirstName) \(details.signerLastName)")]),
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

    init(draft: RegistrationDraft, errors typed: [String: Message], wording: Wording) {
        let errors = wording(typed)
        progress = WizardProgress(.account, wording: wording)
        let kept = draft.passwordHash != nil
        passwordKept = kept
        email = TextInput(
            "email", label: wording("signin-email"), value: draft.email, type: "email", autocomplete: "email",
            hint: wording("reg-email-hint"),
            error: errors["email"])
        emailConfirmation = TextInput(
            "emailConfirmation", label: wording("reg-email-again"), value: draft.emailConfirmation, type: "email", autocomplete: "email",
            error: errors["emailConfirmation"])
        password = TextInput(
            "password", label: wording("signin-password"), type: "password", autocomplete: "new-password",
            hint: kept ? wording("reg-password-kept") : nil, error: errors["password"])
        passwordConfirmation = TextInput(
            "passwordConfirmation", label: wording("reg-password-again"), type: "password", autocomplete: "new-password",
            error: errors["passwordConfirmation"])
        rules = PasswordRules.sentences(wording)
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

    /// The choices of the best time to call, each worded in the catalogs as `contact-time-<value>`.
    static func contactTimes(_ wording: Wording) -> [(String, String)] {
        ["", "morning", "afternoon", "evening"].map { ($0, wording("contact-time-\($0.isEmpty ? "any" : $0)")) }
    }

    init(contact: ContactInput, errors typed: [String: Message], wording: Wording) {
        let errors = wording(typed)
        progress = WizardProgress(.contact, wording: wording)
        addressLine1 = TextInput(
            "addressLine1", label: wording("contact-address-line1"), value: contact.addressLine1, autocomplete: "address-line1",
            error: errors["addressLine1"])
        addressLine2 = TextInput(
            "addressLine2", label: wording("contact-address-line2"), value: contact.addressLine2, autocomplete: "address-line2",
            error: errors["addressLine2"])
        city = TextInput("city", label: wording("contact-city"), value: contact.city, autocomplete: "address-level2", error: errors["city"])
        region = TextInput(
            "region", label: wording("contact-region"), value: contact.region, autocomplete: "address-level1",
            hint: wording("contact-region-hint"), error: errors["region"])
        postalCode = TextInput(
            "postalCode", label: wording("contact-postal-code"), value: contact.postalCode, autocomplete: "postal-code",
            error: errors["postalCode"],
            width: "width-10")
        country = ChoiceInput(
            "addressCountry", label: wording("contact-country"), list: .countries(wording), selected: contact.country,
            error: errors["addressCountry"])
        phone = TextInput(
            "phone", label: wording("contact-phone"), value: contact.phone, type: "tel", autocomplete: "tel",
            hint: wording("contact-phone-hint"),
            error: errors["phone"], width: "width-20")
        preferredContactTime = ChoiceInput(
            "preferredContactTime", label: wording("contact-time"), choices: Self.contactTimes(wording),
            selected: contact.preferredContactTime,
            error: errors["preferredContactTime"], radio: false)
        summary = FormErrors(
            ["addressLine1", "addressLine2", "city", "region", "postalCode", "addressCountry", "phone", "preferredContactTime"].map {
                ($0, errors[$0])
            })
    }
}
