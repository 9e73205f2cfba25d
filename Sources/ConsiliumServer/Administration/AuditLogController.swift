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
    struct Row: Sendable {
        let sequence: String
        let when: String
        let who: String
        let email: String
        let hasEmail: Bool
        let role: String
        let action: String
        let object: String
        let hasObject: Bool
        let patient: String
        let outcome: String
        let failed: Bool
        let address: String
        let hasAddress: Bool
        let detail: String
        let hasDetail: Bool
    }

    struct Content: Sendable {
        let patient: TextInput
        let user: TextInput
        let from: TextInput
        let to: TextInput
        let actions: [Option]
        let summary: FormErrors
        let rows: [Row]
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
            actions: [Option(value: "", label: "Every action", selected: filter.action.isEmpty, id: "action-all")]
                + AuditAction.allCases.sorted { $0.wording < $1.wording }.map {
                    Option(value: $0.rawValue, label: $0.wording, selected: filter.action == $0.rawValue, id: "action-\($0.rawValue)")
                },
            summary: FormErrors([(problem?.field ?? "", problem?.message)]),
            rows: rows.map { row in
                let event = row.event
                let outcome = AuditOutcome(rawValue: event.outcome)
                return Row(
                    sequence: String(event.sequence), when: DisplayDate.withTime(event.occurredDate), who: row.actorName,
                    email: row.actorEmail, hasEmail: !row.actorEmail.isEmpty,
                    role: event.actorRole.flatMap(Role.init(rawValue:))?.displayName ?? "",
                    action: AuditAction(rawValue: event.action)?.wording ?? event.action, object: row.objectName,
                    hasObject: !row.objectName.isEmpty, patient: row.patientName,
                    outcome: outcome.map(Self.outcomeWording) ?? event.outcome, failed: outcome != .success,
                    address: event.clientAddress ?? "",
                    hasAddress: !(event.clientAddress ?? "local").isEmpty && event.clientAddress != "local",
                    detail: Self.detailWording(event, messages: renderer.messages), hasDetail: !(event.detail ?? "").isEmpty)
            }, hasRows: !rows.isEmpty, searched: !filter.isEmpty, exportURL: "/admin/audit.csv" + (Self.components(filter).string ?? ""),
            nextURL: nextURL, hasNext: !nextURL.isEmpty)
        return try renderer.render("admin/audit", title: "Audit log", content: content, context: context, status: status)
    }
}
