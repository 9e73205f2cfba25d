import ConsiliumCore
import Foundation
import HTTPTypes
import Hummingbird

/// The audit log for administrators: search by patient, person, action and dates, page through
/// the results, and export them as CSV. Searching and exporting are themselves audit events.
struct AuditLogController: Sendable {
    let search: AuditSearch
    let audit: AuditLog
    let renderer: PageRenderer

    static let pageSize = 50

    /// One event: when, who (and in what role, from where), what in words and on what, whose
    /// information, and whether it was done.
    struct Content: Sendable {
        let patient: TextInput
        let user: TextInput
        let from: TextInput
        let to: TextInput
        /// The action filter's `<option>`s.
        let actions: RenderedFragment
        let summary: FormErrors
        /// The table's `<tr>`s (`rowsHTML`).
        let rows: RenderedFragment
        let hasRows: Bool
        let searched: Bool
        let exportURL: String
        let nextURL: String
        let hasNext: Bool
    }

    func show(_ request: Request, context: AdministratorContext) async throws -> Response {
        let filter = Self.filter(request)
        let before = request.uri.queryParameters["before"].flatMap { Int64($0) }
        do {
            let rows = try await search.page(try await search.resolve(filter), before: before, limit: Self.pageSize + 1)
            try await audit.record(.auditSearched, by: context.auditActor, detail: filter.usedNames, in: search.database.db)
            let shown = rows.prefix(Self.pageSize)
            var next = Self.components(filter)
            next.queryItems = (next.queryItems ?? []) + [URLQueryItem(name: "before", value: shown.last.map { String($0.event.sequence) })]
            return try page(
                filter, rows: Array(shown), problem: nil, nextURL: rows.count > Self.pageSize ? "/admin/audit" + (next.string ?? "") : "",
                context: context)
        } catch let problem as AuditSearch.Problem {
            return try page(filter, rows: [], problem: problem, nextURL: "", context: context, status: .badRequest)
        }
    }

    /// Every matching event as CSV, streamed a thousand at a time, oldest last like the page.
    func export(_ request: Request, context: AdministratorContext) async throws -> Response {
        let filter = Self.filter(request)
        let resolved: AuditSearch.Resolved
        do {
            resolved = try await search.resolve(filter)
        } catch let problem as AuditSearch.Problem {
            throw HTTPError(.badRequest, message: problem.message)
        }
        try await audit.record(.auditExported, by: context.auditActor, detail: filter.usedNames, in: search.database.db)
        let search = self.search
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: Self.csvHeader))
            var before: Int64?
            while true {
                let rows = try await search.page(resolved, before: before, limit: 1000)
                guard let last = rows.last else { break }
                try await writer.write(ByteBuffer(string: rows.map(Self.csvLine).joined()))
                before = last.event.sequence
            }
            try await writer.finish(nil)
        }
        let stamp = ISO8601DateFormatter().string(from: Date()).prefix(10)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"audit-log-\(stamp).csv\"",
                .cacheControl: "no-store",
            ], body: body)
    }

    // MARK: - CSV

    static let csvHeader =
        "sequence,occurred_at_utc,actor_user_id,actor_name,actor_email,actor_role,action,object_type,object_id,patient_id,patient_name,"
        + "outcome,client_address,user_agent,detail,previous_hash,hash\r\n"

    static func csvLine(_ row: AuditSearch.Row) -> String {
        let event = row.event
        let fields: [String?] = [
            String(event.sequence), Self.iso.string(from: event.occurredDate), event.actorUserID?.uuidString.lowercased(), row.actorName,
            row.actorEmail, event.actorRole, event.action, event.objectType, event.objectID, event.patientID?.uuidString.lowercased(),
            row.patientName, event.outcome, event.clientAddress, event.userAgent, event.detail, event.previousHash, event.hash,
        ]
        return fields.map { csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    /// RFC 4180 quoting, and a leading apostrophe on anything a spreadsheet would run as a
    /// formula (OWASP's CSV injection advice): names and user agents come from outside.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { ",\"\r\n".contains($0) }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    nonisolated(unsafe) static let iso: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    // MARK: - Page

    static func filter(_ request: Request) -> AuditSearch.Filter {
        let query = request.uri.formQuery
        func value(_ name: String) -> String { query[name] ?? "" }
        return AuditSearch.Filter(
            patient: value("patient"), user: value("user"), action: value("action"), from: value("from"), to: value("to"))
    }

    static func components(_ filter: AuditSearch.Filter) -> URLComponents {
        var components = URLComponents()
        components.queryItems = [
            ("patient", filter.patient), ("user", filter.user), ("action", filter.action), ("from", filter.from), ("to", filter.to),
        ]
        .filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components
    }

    /// An event's detail in words where it is one of the service's codes; the CSV keeps the codes.
    static func detailWording(_ event: AuditEventModel, messages: Messages) -> String {
        guard let detail = event.detail, !detail.isEmpty else { return "" }
        if event.action == AuditAction.caseStateChanged.rawValue {
            let states = detail.components(separatedBy: "->").map {
                CaseState(rawValue: $0).map { messages.english($0.label(for: .staff)) } ?? $0
            }
            if states.count == 2 { return "From “\(states[0])” to “\(states[1])”" }
        }
        return detailWords[detail] ?? detail
    }

    /// Every action, by its words, after "Every action" (the empty filter).
    static let actionChoices = OptionList(
        [("", "Every action")] + AuditAction.allCases.sorted { $0.wording < $1.wording }.map { ($0.rawValue, $0.wording) })

    /// The table's rows, built in Swift: fifty rows of a dozen values each were most of the
    /// page's time through Mustache. The markup is the one the stylesheet and the narrow-screen
    /// layout (`data-label`) expect.
    static func rowsHTML(_ rows: [AuditSearch.Row], messages: Messages) -> RenderedFragment {
        .built { html in
            for row in rows {
                let event = row.event
                let outcome = AuditOutcome(rawValue: event.outcome)
                html.markup("<tr>\n    <td data-label=\"When\">")
                html.text(DisplayDate.withTime(event.occurredDate))
                html.markup("<span class=\"cell-note\">Event ")
                html.text(String(event.sequence))
                html.markup("</span></td>\n    <td data-label=\"Who\">")
                html.text(row.actorName)
                html.markup("<span class=\"cell-note\">")
                html.text(event.actorRole.flatMap(Role.init(rawValue:))?.displayName ?? "")
                if !row.actorEmail.isEmpty {
                    html.markup(", ")
                    html.text(row.actorEmail)
                }
                html.markup("</span>")
                if let address = event.clientAddress, !address.isEmpty, address != "local" {
                    html.markup("<span class=\"cell-note\">from ")
                    html.text(address)
                    html.markup("</span>")
                }
                html.markup("</td>\n    <td data-label=\"What\">")
                html.text(AuditAction(rawValue: event.action)?.wording ?? event.action)
                if !row.objectName.isEmpty {
                    html.markup("<span class=\"cell-note\">")
                    html.text(row.objectName)
                    html.markup("</span>")
                }
                if let detail = event.detail, !detail.isEmpty {
                    html.markup("<span class=\"cell-note\">")
                    html.text(detailWording(event, messages: messages))
                    html.markup("</span>")
                }
                html.markup("</td>\n    <td data-label=\"Patient\">")
                html.text(row.patientName)
                html.markup("</td>\n    <td data-label=\"Outcome\">")
                if outcome != .success { html.markup("<strong>") }
                html.text(outcome.map(outcomeWording) ?? event.outcome)
                if outcome != .success { html.markup("</strong>") }
                html.markup("</td>\n  </tr>")
            }
        }
    }

    static let detailWords: [String: String] = [
        "password": "With a password", "password+totp": "With a password and an authenticator code",
        "password+recovery_code": "With a password and a recovery code", "wrong_password": "Wrong password",
        "wrong_code": "Wrong authenticator code", "wrong_recovery_code": "Wrong recovery code",
        "replayed_code": "An authenticator code already used", "unknown_account": "No account with that email address",
        "disabled": "The account is disabled", "list": "The list of records", "email_link": "From the link in an email",
        "invitation": "From an invitation", "join_confirmation": "Confirming the request", "by_user": "By the account's owner",
        "by_administrator": "By an administrator", "by_operator": "By an operator at the command line",
        "integrity_check_failed": "The file failed its integrity check", "signature_wrong_password": "Signing refused: wrong password",
    ]

    static func outcomeWording(_ outcome: AuditOutcome) -> String {
        switch outcome {
        case .success: "Done"
        case .failure: "Failed"
        case .denied: "Refused"
        }
    }

    private func page(
        _ filter: AuditSearch.Filter, rows: [AuditSearch.Row], problem: AuditSearch.Problem?, nextURL: String,
        context: AdministratorContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let error = { (field: String) in problem?.field == field ? problem?.message : nil }
        let content = Content(
            patient: TextInput(
                "patient", label: "Patient", value: filter.patient, hint: "Name, or a case's reference number.", error: error("patient")),
            user: TextInput(
                "user", label: "Who acted", value: filter.user, type: "text", hint: "Their email address.", error: error("user")),
            from: TextInput("from", label: "From", value: filter.from, type: "date", error: error("from"), width: "input-short"),
            to: TextInput("to", label: "To", value: filter.to, type: "date", error: error("to"), width: "input-short"),
            actions: Self.actionChoices.fragment(selected: filter.action),
            summary: FormErrors([(problem?.field ?? "", problem?.message)]),
            rows: Self.rowsHTML(rows, messages: renderer.messages), hasRows: !rows.isEmpty, searched: !filter.isEmpty,
            exportURL: "/admin/audit.csv" + (Self.components(filter).string ?? ""),
            nextURL: nextURL, hasNext: !nextURL.isEmpty)
        return try renderer.render("admin/audit", title: "Audit log", content: content, context: context, status: status)
    }
}
