import ConsiliumCore

/// What the layout template needs for one request. Every field is non-optional so that a
/// missing value can never fall through to a field of the same name in an outer context.
struct LayoutContext: Sendable {
    let site: SiteContext
    let signedIn: Bool
    let userName: String
    let roleName: String
    let csrfToken: String
    let hasNotice: Bool
    let notice: String
    /// The page's language, for `<html lang>` (as `lang`) and for choosing the templates.
    let language: Language
    /// The language switch: every language, each named in itself, the current one marked.
    let languageLinks: [LanguageLink]

    init(
        site: SiteContext, signedIn: Bool, userName: String, roleName: String, csrfToken: String, hasNotice: Bool, notice: String,
        language: Language, languageLinks: [LanguageLink]
    ) {
        self.site = site
        self.signedIn = signedIn
        self.userName = userName
        self.roleName = roleName
        self.csrfToken = csrfToken
        self.hasNotice = hasNotice
        self.notice = notice
        self.language = language
        self.languageLinks = languageLinks
    }

    /// `roleName` is the person's role in the page's language (the English name without it).
    init(
        site: SiteContext, identity: SignedInUser?, csrfToken: String, notice: String?, language: Language = .english,
        pagePath: String = "/", roleName: String? = nil
    ) {
        self.site = site
        self.signedIn = identity != nil
        self.userName = identity?.displayName ?? ""
        self.roleName = roleName ?? identity?.role.displayName ?? ""
        self.csrfToken = csrfToken
        self.hasNotice = notice != nil
        self.notice = notice ?? ""
        self.language = language
        self.languageLinks = Language.allCases.map { other in
            LanguageLink(
                tag: other.tag, name: other.nativeName, href: LanguageChoice.switchLink(to: other, returningTo: pagePath),
                current: other == language)
        }
    }
}

/// One language in the switch.
struct LanguageLink: Sendable {
    let tag: String
    let name: String
    let href: String
    let current: Bool
}
