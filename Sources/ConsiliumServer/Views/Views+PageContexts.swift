import Mustache

// The contexts of the pages signed-in people use most answer Mustache's lookups directly
// instead of through `Mirror` (see `Views+MustacheParent.swift`).

extension CasePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "reference": reference
        case "patientName": patientName
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
        case "courtesyCopy": courtesyCopy
        case "optOuts": optOuts
        case "hasOptOuts": hasOptOuts
        case "contact": contact
        case "hasContact": hasContact
        default: nil
        }
    }
}

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
        case "physicianStatus": physicianStatus
        case "isStaff": isStaff
        case "hasTwoFactor": hasTwoFactor
        case "isAdministrator": isAdministrator
        case "showsContact": showsContact
        case "contactLines": contactLines
        case "contactPhone": contactPhone
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

extension ReportPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
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
        case "hasError": hasError
        case "error": error
        case "isSigned": isSigned
        case "signedBy": signedBy
        case "signedAt": signedAt
        case "sha256": sha256
        case "reviewedNames": reviewedNames
        case "addenda": addenda
        case "hasAddenda": hasAddenda
        case "questions": questions
        case "hasQuestions": hasQuestions
        case "canAsk": canAsk
        case "questionsLeft": questionsLeft
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
        case "checked": checked
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
        default: nil
        }
    }
}

extension AuditLogController.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sequence": sequence
        case "when": when
        case "who": who
        case "role": role
        case "action": action
        case "object": object
        case "patient": patient
        case "outcome": outcome
        case "address": address
        case "detail": detail
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

extension TriageController.QueueContent: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": hasRows
        case "states": states
        case "specialties": specialties
        case "orders": orders
        case "search": search
        case "hasNext": hasNext
        case "nextURL": nextURL
        case "turnaroundDays": turnaroundDays
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
