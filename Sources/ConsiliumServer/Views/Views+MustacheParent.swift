import Mustache

// The contexts every page renders (the page, its layout, the site) answer Mustache's lookups
// directly instead of through `Mirror`, which dominated the time to render a page.

extension PageRenderer.Page: MustacheParent {
    /// The page is the bottom of Mustache's context stack: a name that reaches it and is not
    /// one of its own was found in no context, and would render as nothing. It is noted, so
    /// that a field renamed in Swift but not in its template fails a test instead of a page.
    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "layout": return layout
        case "content": return content
        default:
            unresolved.note(name, in: template)
            return nil
        }
    }
}

extension LayoutContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "signedIn": signedIn
        case "userName": userName
        case "roleName": roleName
        case "csrfToken": csrfToken
        case "hasNotice": hasNotice
        case "notice": notice
        case "lang": language.tag
        case "languageLinks": languageLinks
        default: nil
        }
    }
}

extension LanguageLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tag": tag
        case "name": self.name
        case "href": href
        case "current": current
        default: nil
        }
    }
}

extension SiteContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "institutionName": institutionName
        case "serviceName": serviceName
        case "servicePhone": servicePhone
        case "servicePhoneLink": servicePhoneLink
        case "showDevelopmentMailbox": showDevelopmentMailbox
        default: nil
        }
    }
}

extension FieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": value
        case "hasError": hasError
        case "error": error
        default: nil
        }
    }
}

extension ErrorSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasErrors": hasErrors
        case "items": items
        default: nil
        }
    }
}

extension SignInController.Content: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "email": email
        case "password": password
        case "summary": summary
        case "next": next
        case "hasExpiredNotice": hasExpiredNotice
        case "hasSignedOutNotice": hasSignedOutNotice
        default: nil
        }
    }
}

// Form inputs: select lists hold hundreds of options (every country), so these matter most.

extension Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        case "id": id
        default: nil
        }
    }
}

extension ChoiceInput: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "hasError": hasError
        case "error": error
        case "options": options
        case "optionsHTML": optionsHTML
        case "hasHint": hasHint
        case "hint": hint
        case "anchor": anchor
        default: nil
        }
    }
}

extension TextInput: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "value": value
        case "type": type
        case "autocomplete": autocomplete
        case "hasHint": hasHint
        case "hint": hint
        case "hasError": hasError
        case "error": error
        case "widthClass": widthClass
        case "describedBy": describedBy
        case "hasDescribedBy": hasDescribedBy
        default: nil
        }
    }
}

extension TriageController.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "reference": reference
        case "patient": patient
        case "specialty": specialty
        case "language": language
        case "state": state
        case "age": age
        case "clock": clock
        case "overdue": overdue
        default: nil
        }
    }
}
