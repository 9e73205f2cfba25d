import ConsiliumCore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird

/// The administrators' list of accounts, the invitation form, and one account's page with its
/// role, status and two-step sign-in, and the actions on it.
struct PeopleController: Sendable {
    let database: DatabaseService
    let staff: StaffService
    let settings: SettingsStore
    let renderer: PageRenderer

    /// One account in the list.
    struct Row: Sendable {
        let id: String
        let name: String
        let email: String
        let role: String
        let status: String
        let twoFactor: String
    }

    struct ListContent: Sendable {
        let rows: [Row]
        let hasRows: Bool
        let roles: [Option]
        let search: String
        let capped: Bool
    }

    struct InviteContent: Sendable {
        let name: TextInput
        let email: TextInput
        let role: ChoiceInput
        let specialty: ChoiceInput
        let summary: FormErrors
    }

    struct PersonContent: Sendable {
        let id: String
        let name: String
        let email: String
        let role: String
        let isSelf: Bool
        let isStaff: Bool
        let isDisabled: Bool
        let isInvited: Bool
        let hasTwoFactor: Bool
        let status: String
        let roleChoice: ChoiceInput
        let specialty: ChoiceInput
        let summary: FormErrors
    }

    static let pageSize = 200

    func list(_ request: Request, context: AdministratorContext) async throws -> Response {
        let roleFilter = request.uri.formQuery["role"] ?? "staff"
        let search = (request.uri.formQuery["q"] ?? "").trimmingCharacters(in: .whitespaces)
        var query = UserModel.query(on: database.db)
        if roleFilter == "staff" {
            query = query.filter(\.$roleName ~~ Role.institutionalRoles.map(\.rawValue))
        } else if let role = Role(rawValue: roleFilter) {
            query = query.filter(\.$roleName == role.rawValue)
        }
        if !search.isEmpty {
            let lowered = search.lowercased()
            query = query.group(.or) { $0.filter(\.$email ~~ lowered).filter(\.$displayName ~~ search) }
        }
        let users = try await query.sort(\.$displayName).limit(Self.pageSize + 1).all()
        let rows = users.prefix(Self.pageSize).map { user in
            Row(
                id: user.id!.uuidString.lowercased(), name: user.displayName, email: user.email,
                role: user.role?.displayName ?? user.roleName, status: Self.status(user), twoFactor: user.hasTwoFactor ? "On" : "Off")
        }
        let options =
            [Option(value: "staff", label: "Staff and consultants", selected: roleFilter == "staff", id: "role-staff")]
            + Role.allCases.map {
                Option(value: $0.rawValue, label: $0.displayName, selected: roleFilter == $0.rawValue, id: "role-\($0.rawValue)")
            }
            + [Option(value: "all", label: "Everyone", selected: roleFilter == "all", id: "role-all")]
        return try renderer.render(
            "admin/users", title: "People",
            content: ListContent(
                rows: Array(rows), hasRows: !rows.isEmpty, roles: options, search: search, capped: users.count > Self.pageSize),
            context: context, hasForm: true)
    }

    func showInvite(_ request: Request, context: AdministratorContext) throws -> Response {
        return try invitePage(form: context.form, errors: [:], context: context)
    }

    func invite(_ request: Request, context: AdministratorContext) async throws -> Response {
        let admin = context.identity
        let form = context.form
        var errors: [String: String] = [:]
        let name = form["name"].trimmingCharacters(in: .whitespaces)
        if name.count < 2 || name.count > 100 { errors["name"] = "Enter the person's full name." }
        let email = try? EmailAddress(form["email"])
        if email == nil { errors["email"] = "Enter an email address like name@example.org." }
        let role = Role(rawValue: form["role"]).flatMap { StaffService.assignableRoles.contains($0) ? $0 : nil }
        if role == nil { errors["role"] = "Choose the person's role." }
        let specialty = settings.current.specialties.contains(form["specialty"]) ? form["specialty"] : nil
        if role?.needsSpecialty == true, specialty == nil { errors["specialty"] = "Choose the consultant's specialty." }
        guard errors.isEmpty, let email, let role else {
            return try invitePage(form: form, errors: errors, context: context, status: .badRequest)
        }
        do {
            _ = try await staff.invite(
                name: name, email: email, role: role, specialty: specialty, by: admin, actor: context.auditActor)
        } catch let refusal as StaffService.Refusal {
            return try invitePage(form: form, errors: [refusal.field: refusal.message], context: context, status: .badRequest)
        }
        context.session.update { $0.notice = "\(name) has been invited. The link in their email works for 7 days." }
        return .redirect(to: "/admin/users", type: .normal)
    }

    func show(_ request: Request, context: AdministratorContext) async throws -> Response {
        return try await personPage(try await user(context), errors: [:], context: context)
    }

    /// `POST /admin/users/:id/:action`: role, disable, enable, two-factor-reset.
    func act(_ request: Request, context: AdministratorContext) async throws -> Response {
        let admin = context.identity
        let user = try await user(context)
        let actor = context.auditActor
        let notice: String
        do {
            switch context.parameters.get("action") ?? "" {
            case "role":
                guard let role = Role(rawValue: context.form["role"]) else {
                    throw StaffService.Refusal(field: "role", message: "Choose a role.")
                }
                let specialty = settings.current.specialties.contains(context.form["specialty"]) ? context.form["specialty"] : nil
                try await staff.changeRole(of: user, to: role, specialty: specialty, by: admin, actor: actor)
                notice = "\(user.displayName) is now \(role.article) \(role.displayName.lowercased()). Their sessions have ended."
            case "disable":
                guard ConfirmationPage.isConfirmed(context.form) else {
                    let path = "/admin/users/\(user.id!.uuidString.lowercased())"
                    let page = ConfirmationPage(
                        heading: "Disable \(user.displayName)'s account?",
                        consequences: [
                            "\(user.displayName) is signed out everywhere at once and cannot sign in until an administrator enables the account again.",
                            "Nothing of theirs is deleted; requests they take part in carry on without them.",
                        ], details: [("Account", "\(user.displayName), \(user.email)")], action: "\(path)/disable", fields: [],
                        confirmLabel: "Yes, disable the account", cancelURL: path, isWarning: true)
                    return try renderer.confirm(page, context: context)
                }
                try await staff.setDisabled(true, user, by: admin, actor: actor)
                notice = "\(user.displayName)'s account is disabled and every session of theirs has ended."
            case "enable":
                try await staff.setDisabled(false, user, by: admin, actor: actor)
                notice = "\(user.displayName)'s account is enabled again."
            case "reinvite":
                try await staff.reinvite(user, by: admin, actor: actor)
                notice = "A new invitation is on its way to \(user.email). The link works for 7 days."
            case "two-factor-reset":
                try await staff.resetTwoFactor(of: user, actor: actor)
                notice = "\(user.displayName) will set up two-step sign-in again at their next sign-in."
            default:
                throw HTTPError(.notFound)
            }
        } catch let refusal as StaffService.Refusal {
            return try await personPage(
                user, errors: [refusal.field: refusal.message], typed: context.form, context: context, status: .badRequest)
        }
        context.session.update { $0.notice = notice }
        return .redirect(to: "/admin/users/\(user.id!.uuidString.lowercased())", type: .normal)
    }

    // MARK: - Helpers

    private func user(_ context: AdministratorContext) async throws -> UserModel {
        guard let id = context.parameters.get("id", as: UUID.self), let user = try await UserModel.find(id, on: database.db) else {
            throw HTTPError(.notFound)
        }
        return user
    }

    static func status(_ user: UserModel) -> String {
        if user.disabledAt != nil { return "Disabled" }
        if !user.isVerified, user.role?.isInstitutional == true { return "Invited, not yet accepted" }
        return "Active"
    }

    private func specialtyChoice(selected: String, error: String?) -> ChoiceInput {
        ChoiceInput(
            "specialty", label: "Specialty (consultants only)",
            choices: [("", "Choose a specialty")] + settings.current.specialties.map { ($0, $0) },
            selected: selected, error: error, radio: false)
    }

    private func invitePage(
        form: FormData, errors: [String: String], context: AdministratorContext, status: HTTPResponse.Status = .ok
    ) throws
        -> Response
    {
        let content = InviteContent(
            name: TextInput("name", label: "Full name", value: form["name"], autocomplete: "off", error: errors["name"]),
            email: TextInput(
                "email", label: "Email address", value: form["email"], type: "email", autocomplete: "off", error: errors["email"]),
            role: ChoiceInput(
                "role", label: "Role", choices: StaffService.assignableRoles.map { ($0.rawValue, $0.displayName) }, selected: form["role"],
                error: errors["role"], radio: true),
            specialty: specialtyChoice(selected: form["specialty"], error: errors["specialty"]),
            summary: FormErrors([
                ("name", errors["name"]), ("email", errors["email"]), ("role-administrator", errors["role"]),
                ("specialty", errors["specialty"]),
            ]))
        return try renderer.render(
            "admin/invite", title: "Invite a member of staff", content: content, context: context, status: status, hasForm: true)
    }

    /// One account's page. After a refused change, `typed` is the form as it was posted, shown again.
    private func personPage(
        _ user: UserModel, errors: [String: String], typed: FormData? = nil, context: AdministratorContext,
        status: HTTPResponse.Status = .ok
    )
        async throws -> Response
    {
        let stored =
            try await ConsultantProfileModel.query(on: database.db).filter(\.$user.$id == user.requireID()).first()?.specialty ?? ""
        let role = typed.map { $0["role"] } ?? user.roleName
        let specialty = typed.map { $0["specialty"] } ?? stored
        let content = PersonContent(
            id: user.id!.uuidString.lowercased(), name: user.displayName, email: user.email, role: user.role?.displayName ?? user.roleName,
            isSelf: user.id == context.identity.id.rawValue, isStaff: user.role?.isInstitutional == true,
            isDisabled: user.disabledAt != nil,
            isInvited: !user.isVerified && user.role?.isInstitutional == true, hasTwoFactor: user.hasTwoFactor, status: Self.status(user),
            roleChoice: ChoiceInput(
                "role", label: "Role", choices: StaffService.assignableRoles.map { ($0.rawValue, $0.displayName) }, selected: role,
                error: errors["role"], radio: true),
            specialty: specialtyChoice(selected: specialty, error: errors["specialty"]),
            summary: FormErrors([
                ("role-administrator", errors["role"]), ("specialty", errors["specialty"]), ("account", errors["account"]),
            ]))
        return try renderer.render("admin/user", title: user.displayName, content: content, context: context, status: status, hasForm: true)
    }
}
