import Mustache

// Page contexts answer Mustache's lookups directly instead of through `Mirror`, which
// dominated the time to render a page (see `Views+MustacheParent.swift`). Written out by
// bin/generate-page-lookups.py from each struct's stored properties; a name a template asks
// for that a context does not answer falls through to the page and is caught by the tests
// of unresolved names.

extension AccountController.DashboardContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "email": email
        case "role": role
        case "emailVerified": emailVerified
        case "hasPatients": hasPatients
        case "patients": patients
        case "canAddPatients": canAddPatients
        case "canOpenCases": canOpenCases
        case "hasCases": hasCases
        case "cases": cases
        case "isPhysician": isPhysician
        case "physicianVerified": physicianVerified
        case "waiting": waiting
        case "hasWaiting": hasWaiting
        case "physicianStatus": physicianStatus
        case "isStaff": isStaff
        case "hasTwoFactor": hasTwoFactor
        case "isAdministrator": isAdministrator
        case "showsContact": showsContact
        case "contactLines": contactLines
        case "contactPhone": contactPhone
        case "contactPhoneLink": contactPhoneLink
        case "hasContactPhone": hasContactPhone
        case "contactTime": contactTime
        case "hasContactTime": hasContactTime
        default: nil
        }
    }
}

extension AccountController.CaseRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "reference": reference
        case "patient": patient
        case "specialty": specialty
        case "state": state
        default: nil
        }
    }
}

extension AccountController.WaitingRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "referenceValue": referenceValue
        case "reference": reference
        case "patient": patient
        case "specialty": specialty
        case "asked": asked
        default: nil
        }
    }
}

extension AccountController.PatientRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "relationship": relationship
        case "hasConsent": hasConsent
        case "agreementVersion": agreementVersion
        case "signedAt": signedAt
        case "signedBy": signedBy
        case "courtesyCopy": courtesyCopy
        default: nil
        }
    }
}

extension AccountController.PasswordContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "current": current
        case "password": password
        case "confirmation": confirmation
        case "summary": summary
        case "rules": rules
        default: nil
        }
    }
}

extension EmailVerificationController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "token": token
        default: nil
        }
    }
}

extension PasswordResetController.RequestContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "email": email
        case "summary": summary
        default: nil
        }
    }
}

extension PasswordResetController.ResetContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "token": token
        case "password": password
        case "confirmation": confirmation
        case "summary": summary
        case "rules": rules
        case "heading": heading
        case "action": action
        case "intro": intro
        case "hasIntro": hasIntro
        case "button": button
        default: nil
        }
    }
}

extension SignInController.CodeContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "recoveryCode": recoveryCode
        case "summary": summary
        case "usingRecoveryCode": usingRecoveryCode
        default: nil
        }
    }
}

extension TwoFactorController.EnrolContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "manualKey": manualKey
        case "code": code
        case "summary": summary
        case "required": required
        default: nil
        }
    }
}

extension TwoFactorController.StatusContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "codesLeftText": codesLeftText
        case "fewLeft": fewLeft
        case "canTurnOff": canTurnOff
        case "code": code
        case "password": password
        case "summary": summary
        default: nil
        }
    }
}

extension TwoFactorController.CodesContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "codes": codes
        case "first": first
        default: nil
        }
    }
}

extension AgreementAdminController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kindName": kindName
        case "currentPath": currentPath
        case "kind": kind
        case "text": text
        case "summary": summary
        case "currentVersion": currentVersion
        case "currentPublished": currentPublished
        case "nextVersion": nextVersion
        case "hasPreview": hasPreview
        case "preview": preview
        default: nil
        }
    }
}

extension AgreementAdminController.TranslationContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kindName": kindName
        case "kind": kind
        case "version": version
        case "currentPath": currentPath
        case "languages": languages
        case "summary": summary
        default: nil
        }
    }
}

extension AuditLogController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "patient": patient
        case "user": user
        case "from": from
        case "to": to
        case "actions": actions
        case "summary": summary
        case "rows": rows
        case "hasRows": hasRows
        case "searched": searched
        case "exportURL": exportURL
        case "nextURL": nextURL
        case "hasNext": hasNext
        default: nil
        }
    }
}

extension AuditSearch.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "event": event
        case "actorName": actorName
        case "actorEmail": actorEmail
        case "patientName": patientName
        case "objectName": objectName
        default: nil
        }
    }
}

extension PeopleController.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "email": email
        case "role": role
        case "status": status
        case "twoFactor": twoFactor
        default: nil
        }
    }
}

extension PeopleController.ListContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": hasRows
        case "roles": roles
        case "search": search
        case "capped": capped
        default: nil
        }
    }
}

extension PeopleController.InviteContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "email": email
        case "role": role
        case "specialty": specialty
        case "summary": summary
        default: nil
        }
    }
}

extension PeopleController.PersonContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "email": email
        case "role": role
        case "isSelf": isSelf
        case "isStaff": isStaff
        case "isDisabled": isDisabled
        case "isInvited": isInvited
        case "hasTwoFactor": hasTwoFactor
        case "status": status
        case "roleChoice": roleChoice
        case "specialty": specialty
        case "summary": summary
        default: nil
        }
    }
}

extension SettingsController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "countries": countries
        case "specialties": specialties
        case "turnaroundDays": turnaroundDays
        case "followUpLimit": followUpLimit
        case "states": states
        case "statesError": statesError
        case "hasStatesError": hasStatesError
        case "summary": summary
        default: nil
        }
    }
}

extension SettingsController.StateBox: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "name": self.name
        case "checked": checked
        default: nil
        }
    }
}

extension AccessLogController.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "who": who
        case "role": role
        case "what": what
        case "times": times
        case "first": first
        case "last": last
        case "once": once
        default: nil
        }
    }
}

extension AccessLogController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caseID": caseID
        case "reference": reference
        case "patientName": patientName
        case "others": others
        case "hasOthers": hasOthers
        case "own": own
        case "hasOwn": hasOwn
        case "ownSummary": ownSummary
        case "hasRows": hasRows
        case "capped": capped
        case "cappedText": cappedText
        default: nil
        }
    }
}

extension NewCasePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "patient": patient
        case "askPatient": askPatient
        case "specialty": specialty
        case "question": question
        case "diagnosis": diagnosis
        case "treatments": treatments
        case "physicianName": physicianName
        case "physicianEmail": physicianEmail
        case "physicianNPI": physicianNPI
        default: nil
        }
    }
}

extension CasePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "reference": reference
        case "patientName": patientName
        case "patientLanguage": patientLanguage
        case "showsPatientLanguage": showsPatientLanguage
        case "stateLabel": stateLabel
        case "specialty": specialty
        case "question": question
        case "diagnosis": diagnosis
        case "hasDiagnosis": hasDiagnosis
        case "treatments": treatments
        case "hasTreatments": hasTreatments
        case "physicianName": physicianName
        case "physicianEmail": physicianEmail
        case "hasClinicalDetails": hasClinicalDetails
        case "clinicalHistory": clinicalHistory
        case "clinicalQuestion": clinicalQuestion
        case "materials": materials
        case "events": events
        case "isPatientSide": isPatientSide
        case "physicianDeclined": physicianDeclined
        case "waitingForPhysician": waitingForPhysician
        case "rename": rename
        case "summary": summary
        case "messages": messages
        case "hasMessages": hasMessages
        case "hasClock": hasClock
        case "clock": clock
        case "clockOverdue": clockOverdue
        case "staff": staff
        case "isStaff": isStaff
        case "hasReport": hasReport
        case "canAnswer": canAnswer
        case "answer": answer
        default: nil
        }
    }
}

extension CasePage.Event: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "when": when
        case "what": what
        case "who": who
        case "why": why
        case "took": took
        case "hasTook": hasTook
        default: nil
        }
    }
}

extension CasePage.Message: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "when": when
        case "author": author
        case "kind": kind
        case "body": body
        default: nil
        }
    }
}

extension CasePage.StaffPanel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "canComplete": canComplete
        case "canReview": canReview
        case "canAssign": canAssign
        case "canClose": canClose
        case "consultants": consultants
        case "hasConsultants": hasConsultants
        case "hasConsultantError": hasConsultantError
        case "consultantError": consultantError
        case "courtesyCopy": courtesyCopy
        case "optOuts": optOuts
        case "hasOptOuts": hasOptOuts
        case "canRecordOptOut": canRecordOptOut
        case "contact": contact
        case "hasContact": hasContact
        case "request": request
        case "decline": decline
        case "optOut": optOut
        default: nil
        }
    }
}

extension LetterPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caseID": caseID
        case "reference": reference
        case "physicianName": physicianName
        case "letterLanguageName": letterLanguageName
        case "otherLanguages": otherLanguages
        case "letter": letter
        default: nil
        }
    }
}

extension JoinController.EntryContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reference": reference
        case "summary": summary
        case "verified": verified
        default: nil
        }
    }
}

extension JoinController.ConfirmContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "patientName": patientName
        case "dateOfBirth": dateOfBirth
        case "reference": reference
        case "specialty": specialty
        case "question": question
        case "summary": summary
        case "confirmHasError": confirmHasError
        case "confirmError": confirmError
        case "clinicalHistory": clinicalHistory
        case "clinicalQuestion": clinicalQuestion
        case "materials": materials
        default: nil
        }
    }
}

extension JoinController.InviteContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "signInURL": signInURL
        case "registerURL": registerURL
        default: nil
        }
    }
}

extension SessionState.ReturnedPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "path": path
        case "status": status
        case "html": html
        case "keptAt": keptAt
        default: nil
        }
    }
}

extension ErrorContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "heading": heading
        case "explanation": explanation
        case "hasDetail": hasDetail
        case "detail": detail
        case "hasRequestID": hasRequestID
        case "requestID": requestID
        default: nil
        }
    }
}

extension DevelopmentMailboxController.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "recipient": recipient
        case "subject": subject
        case "status": status
        case "created": created
        default: nil
        }
    }
}

extension DevelopmentMailboxController.ListContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "messages": messages
        case "isEmpty": isEmpty
        default: nil
        }
    }
}

extension DevelopmentMailboxController.MessageContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "recipient": recipient
        case "subject": subject
        case "segments": segments
        default: nil
        }
    }
}

extension HomeController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "reviewStep": reviewStep
        default: nil
        }
    }
}

extension InformationController.DocumentContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "versionLine": versionLine
        case "documentLanguage": documentLanguage
        case "notice": notice
        case "paragraphsHTML": paragraphsHTML
        default: nil
        }
    }
}

extension AddPatientSummary: MustacheParent {
    func child(named name: String) -> Any? {
        nil
    }
}

extension PhysicianRegistrationController.Page: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "firstName": firstName
        case "lastName": lastName
        case "email": email
        case "emailConfirmation": emailConfirmation
        case "password": password
        case "passwordConfirmation": passwordConfirmation
        case "rules": rules
        case "npi": npi
        case "licenceState": licenceState
        case "licenceNumber": licenceNumber
        case "specialty": specialty
        case "practiceName": practiceName
        case "addressLine1": addressLine1
        case "addressLine2": addressLine2
        case "city": city
        case "state": state
        case "postalCode": postalCode
        case "phone": phone
        default: nil
        }
    }
}

extension VerificationQueueController.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "email": email
        case "npi": npi
        case "license": license
        case "specialty": specialty
        case "practice": practice
        case "address": address
        case "phone": phone
        case "phoneLink": phoneLink
        case "registered": registered
        case "status": status
        case "isPending": isPending
        case "decidedBy": decidedBy
        case "decidedAt": decidedAt
        case "note": note
        case "noteValue": noteValue
        case "hasNoteError": hasNoteError
        case "noteError": noteError
        default: nil
        }
    }
}

extension VerificationQueueController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "pending": pending
        case "decided": decided
        case "hasPending": hasPending
        case "hasDecided": hasDecided
        default: nil
        }
    }
}

extension RecordsPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "caseID": caseID
        case "reference": reference
        case "patientName": patientName
        case "records": records
        case "hasRecords": hasRecords
        case "canSend": canSend
        case "hasError": hasError
        case "error": error
        case "categories": categories
        case "maxFile": maxFile
        case "accepted": accepted
        default: nil
        }
    }
}

extension RecordsPage.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "fileName": fileName
        case "category": category
        case "uploadedBy": uploadedBy
        case "uploadedAt": uploadedAt
        case "size": size
        case "isDICOM": isDICOM
        case "studyDate": studyDate
        case "hasStudyDate": hasStudyDate
        case "modality": modality
        case "studyDescription": studyDescription
        case "hasStudyDescription": hasStudyDescription
        case "hasMismatch": hasMismatch
        case "mismatch": mismatch
        case "isCurrent": isCurrent
        case "canRemove": canRemove
        case "entries": entries
        case "isArchive": isArchive
        case "viewable": viewable
        default: nil
        }
    }
}

extension AgreementAcceptanceController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "summary": summary
        case "paragraphsHTML": paragraphsHTML
        case "agreementVersion": agreementVersion
        case "termsVersion": termsVersion
        case "agreementHeading": agreementHeading
        case "agreementLanguage": agreementLanguage
        case "agreementNotice": agreementNotice
        case "patientNames": patientNames
        case "signature": signature
        case "agreeHasError": agreeHasError
        case "agreeError": agreeError
        case "courtesyCopyChecked": courtesyCopyChecked
        default: nil
        }
    }
}

extension AgreementStepPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "progress": progress
        case "summary": summary
        case "action": action
        case "paragraphsHTML": paragraphsHTML
        case "agreementVersion": agreementVersion
        case "termsVersion": termsVersion
        case "agreementHeading": agreementHeading
        case "agreementLanguage": agreementLanguage
        case "agreementNotice": agreementNotice
        case "signerName": signerName
        case "signingForPatient": signingForPatient
        case "patientName": patientName
        case "authorityLabel": authorityLabel
        case "accept": accept
        case "acceptChecked": acceptChecked
        case "signature": signature
        case "courtesyCopyChecked": courtesyCopyChecked
        case "showBack": showBack
        default: nil
        }
    }
}

extension AccountStepPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "progress": progress
        case "summary": summary
        case "email": email
        case "emailConfirmation": emailConfirmation
        case "password": password
        case "passwordConfirmation": passwordConfirmation
        case "passwordKept": passwordKept
        case "rules": rules
        default: nil
        }
    }
}

extension ContactStepPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "progress": progress
        case "summary": summary
        case "addressLine1": addressLine1
        case "addressLine2": addressLine2
        case "city": city
        case "region": region
        case "postalCode": postalCode
        case "country": country
        case "phone": phone
        case "preferredContactTime": preferredContactTime
        default: nil
        }
    }
}

extension PersonalStepPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "progress": progress
        case "summary": summary
        case "action": action
        case "askRegistrant": askRegistrant
        case "registrant": registrant
        case "patientFirstName": patientFirstName
        case "patientLastName": patientLastName
        case "birthDay": birthDay
        case "birthMonth": birthMonth
        case "birthYear": birthYear
        case "dateOfBirthHasError": dateOfBirthHasError
        case "dateOfBirthError": dateOfBirthError
        case "sex": sex
        case "preferredLanguage": preferredLanguage
        case "interpreter": interpreter
        case "proxyFirstName": proxyFirstName
        case "proxyLastName": proxyLastName
        case "relationship": relationship
        case "authority": authority
        case "country": country
        case "state": state
        case "showProxy": showProxy
        case "showState": showState
        case "hasExpiredNotice": hasExpiredNotice
        default: nil
        }
    }
}

extension ReportPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "clinicalLanguage": clinicalLanguage
        case "caseID": caseID
        case "reference": reference
        case "patientName": patientName
        case "question": question
        case "clinicalQuestion": clinicalQuestion
        case "editing": editing
        case "canRelease": canRelease
        case "version": version
        case "records": records
        case "historySummary": historySummary
        case "opinion": opinion
        case "recommendations": recommendations
        case "answers": answers
        case "patientSummary": patientSummary
        case "summaryLanguages": summaryLanguages
        case "summaryLanguage": summaryLanguage
        case "summaryGrade": summaryGrade
        case "summaryAdvisable": summaryAdvisable
        case "hasPatientSummary": hasPatientSummary
        case "summaryFirst": summaryFirst
        case "summaryLast": summaryLast
        case "summaryHeading": summaryHeading
        case "summaryAuthorLine": summaryAuthorLine
        case "summaryTranslations": summaryTranslations
        case "canTranslate": canTranslate
        case "translationLanguages": translationLanguages
        case "translation": translation
        case "translator": translator
        case "translationPassword": translationPassword
        case "hasError": hasError
        case "error": error
        case "errorAnchor": errorAnchor
        case "hasErrorAnchor": hasErrorAnchor
        case "signPassword": signPassword
        case "addendumPassword": addendumPassword
        case "addendumBody": addendumBody
        case "followUp": followUp
        case "isSigned": isSigned
        case "signedBy": signedBy
        case "signedAt": signedAt
        case "sha256": sha256
        case "reviewed": reviewed
        case "isCourtesyCopy": isCourtesyCopy
        case "physicianName": physicianName
        case "noQuestionsYet": noQuestionsYet
        case "addenda": addenda
        case "hasAddenda": hasAddenda
        case "questions": questions
        case "hasQuestions": hasQuestions
        case "canAsk": canAsk
        case "questionsLeft": questionsLeft
        case "questionsLeftText": questionsLeftText
        case "canAddend": canAddend
        default: nil
        }
    }
}

extension ReportPage.Reviewed: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "sentBy": sentBy
        case "sentAt": sentAt
        case "checked": checked
        case "viewable": viewable
        default: nil
        }
    }
}

extension ReportPage.Addendum: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "body": body
        case "signedBy": signedBy
        case "signedAt": signedAt
        case "sha256": sha256
        default: nil
        }
    }
}

extension ReportPage.Question: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "askedBy": askedBy
        case "askedAt": askedAt
        case "answered": answered
        case "selected": selected
        default: nil
        }
    }
}

extension TriageController.QueueContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": hasRows
        case "states": states
        case "specialties": specialties
        case "languages": languages
        case "orders": orders
        case "search": search
        case "hasNext": hasNext
        case "nextURL": nextURL
        case "turnaroundDays": turnaroundDays
        default: nil
        }
    }
}

extension ConfirmationPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "consequences": consequences
        case "details": details
        case "hasDetails": hasDetails
        case "action": action
        case "fields": fields
        case "confirmLabel": confirmLabel
        case "cancelURL": cancelURL
        case "cancelWords": cancelWords
        case "isWarning": isWarning
        default: nil
        }
    }
}

extension ConfirmationPage.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "cancelLabel": cancelLabel
        default: nil
        }
    }
}

extension FormErrors: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasErrors": hasErrors
        case "items": items
        default: nil
        }
    }
}

extension WizardProgress: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "total": total
        case "title": title
        case "items": items
        default: nil
        }
    }
}

extension WizardProgress.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "isCurrent": isCurrent
        case "isDone": isDone
        default: nil
        }
    }
}
