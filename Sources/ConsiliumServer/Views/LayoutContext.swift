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

    init(site: SiteContext, identity: SignedInUser?, csrfToken: String, notice: String?) {
        self.site = site
        self.signedIn = identity != nil
        self.userName = identity?.displayName ?? ""
        self.roleName = identity?.role.displayName ?? ""
        self.csrfToken = csrfToken
        self.hasNotice = notice != nil
        self.notice = notice ?? ""
    }
}
