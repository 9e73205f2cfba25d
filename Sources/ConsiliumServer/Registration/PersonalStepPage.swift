import ConsiliumCore

/// Step 1's page: the patient, the family member, the location.
struct PersonalStepPage: Sendable {
    let progress: WizardProgress
    let summary: FormErrors
    let action: String
    /// Adding another patient from a family member's account: who registers is already known.
    let askRegistrant: Bool
    let registrant: ChoiceInput
    let patientFirstName: TextInput
    let patientLastName: TextInput
    let birthDay: TextInput
    let birthMonth: TextInput
    let birthYear: TextInput
    let dateOfBirthHasError: Bool
    let dateOfBirthError: String
    let sex: ChoiceInput
    let preferredLanguage: ChoiceInput
    let interpreter: ChoiceInput
    let proxyFirstName: TextInput
    let proxyLastName: TextInput
    let relationship: ChoiceInput
    let authority: ChoiceInput
    let country: ChoiceInput
    let state: ChoiceInput
    let showProxy: Bool
    let showState: Bool
    let hasExpiredNotice: Bool

    init(
        input: PersonalDetailsInput, errors typed: [PersonalField: Message], wording: Wording,
        action: String = RegistrationStep.personal.path,
        askRegistrant: Bool = true, steps: [RegistrationStep] = RegistrationStep.allCases, expired: Bool = false
    ) {
        let errors = wording(typed)
        func e(_ field: PersonalField) -> String? { errors[field] }
        func choices(_ labels: [(String, Message)]) -> [(String, String)] { labels.map { ($0.0, wording($0.1)) } }
        progress = WizardProgress(.personal, steps: steps, wording: wording)
        self.action = action
        self.askRegistrant = askRegistrant
        hasExpiredNotice = expired
        registrant = ChoiceInput(
            "registrant", label: wording("reg-who-is-registering"), choices: choices(Registrant.allCases.map { ($0.rawValue, $0.label) }),
            selected: input.registrant, error: e(.registrant), radio: true)
        patientFirstName = TextInput(
            "patientFirstName", label: wording("reg-patient-first-name"), value: input.patientFirstName,
            autocomplete: input.registrant == Registrant.familyMember.rawValue ? "off" : "given-name", error: e(.patientFirstName))
        patientLastName = TextInput(
            "patientLastName", label: wording("reg-patient-last-name"), value: input.patientLastName,
            autocomplete: input.registrant == Registrant.familyMember.rawValue ? "off" : "family-name", error: e(.patientLastName))
        let dateError = e(.dateOfBirth)
        let bday = input.registrant == Registrant.familyMember.rawValue ? nil : "bday"
        birthDay = TextInput(
            "birthDay", label: wording("date-day"), value: input.birthDay, autocomplete: bday.map { $0 + "-day" } ?? "off",
            error: dateError.map { _ in "" }, width: "width-2")
        birthMonth = TextInput(
            "birthMonth", label: wording("date-month"), value: input.birthMonth, autocomplete: bday.map { $0 + "-month" } ?? "off",
            error: dateError.map { _ in "" },
            width: "width-2")
        birthYear = TextInput(
            "birthYear", label: wording("date-year"), value: input.birthYear, autocomplete: bday.map { $0 + "-year" } ?? "off",
            error: dateError.map { _ in "" },
            width: "width-4")
        dateOfBirthHasError = dateError != nil
        dateOfBirthError = dateError ?? ""
        sex = ChoiceInput(
            "sex", label: wording("reg-sex"), choices: choices(AdministrativeSex.allCases.map { ($0.rawValue, $0.label) }),
            selected: input.sex, error: e(.sex), hint: wording("reg-sex-hint"), radio: true)
        preferredLanguage = ChoiceInput(
            "preferredLanguage", label: wording("reg-preferred-language"), list: .spokenLanguages(wording),
            selected: input.preferredLanguage, error: e(.preferredLanguage), hint: wording("reg-preferred-language-hint"))
        interpreter = ChoiceInput(
            "interpreter", label: wording("reg-interpreter"), choices: [("yes", wording("yes")), ("no", wording("no"))],
            selected: input.interpreter, error: e(.interpreter), hint: wording("reg-interpreter-hint"), radio: true)
        proxyFirstName = TextInput(
            "proxyFirstName", label: wording("reg-your-first-name"), value: input.proxyFirstName, autocomplete: "given-name",
            error: e(.proxyFirstName))
        proxyLastName = TextInput(
            "proxyLastName", label: wording("reg-your-last-name"), value: input.proxyLastName, autocomplete: "family-name",
            error: e(.proxyLastName))
        relationship = ChoiceInput(
            "relationship", label: wording("reg-relationship"),
            choices: [("", wording("select-prompt"))] + choices(Relationship.allCases.map { ($0.rawValue, $0.label) }),
            selected: input.relationship, error: e(.relationship), radio: false)
        authority = ChoiceInput(
            "authority", label: wording("reg-authority"),
            choices: choices(ProxyAuthority.allCases.map { ($0.rawValue, $0.label) }), selected: input.authority, error: e(.authority),
            hint: wording("reg-authority-hint", ["age": .number(RegistrationRules.ageOfMajority)]), radio: true)
        country = ChoiceInput(
            "country", label: wording("reg-country"), list: .countries(wording), selected: input.country.uppercased(),
            error: e(.country))
        state = ChoiceInput(
            "state", label: wording("reg-state"), list: .usStates(wording),
            selected: input.state.uppercased(), error: e(.state))
        showProxy = input.registrant != Registrant.myself.rawValue || !askRegistrant
        showState = input.country.isEmpty || input.country.uppercased() == "US"
        summary = FormErrors([
            (registrant.anchor, e(.registrant)), ("patientFirstName", e(.patientFirstName)), ("patientLastName", e(.patientLastName)),
            ("birthDay", dateError), (sex.anchor, e(.sex)),
            ("preferredLanguage", e(.preferredLanguage)), (interpreter.anchor, e(.interpreter)), ("proxyFirstName", e(.proxyFirstName)),
            ("proxyLastName", e(.proxyLastName)),
            ("relationship", e(.relationship)), (authority.anchor, e(.authority)), ("country", e(.country)), ("state", e(.state)),
        ])
    }
}

extension PersonalDetailsInput {
    /// Step 1's fields from a posted form; anything else in the form (a role, say) is ignored.
    init(form: FormData) {
        self.init()
        registrant = form["registrant"]
        patientFirstName = form["patientFirstName"]
        patientLastName = form["patientLastName"]
        birthDay = form["birthDay"]
        birthMonth = form["birthMonth"]
        birthYear = form["birthYear"]
        sex = form["sex"]
        proxyFirstName = form["proxyFirstName"]
        proxyLastName = form["proxyLastName"]
        relationship = form["relationship"]
        authority = form["authority"]
        country = form["country"]
        state = form["state"]
        preferredLanguage = form["preferredLanguage"]
        interpreter = form["interpreter"]
    }
}
