import FluentKit
import Foundation
import Hummingbird

/// Development only: lists the messages the service has written, so a newcomer without a mail
/// server can follow a verification or reset link. Never routed outside development.
struct DevelopmentMailboxController: Sendable {
    let database: DatabaseService
    let baseURL: String
    let renderer: PageRenderer

    /// One message in the list.
    struct Row: Sendable {
        let id: String
        let recipient: String
        let subject: String
        let status: String
        let created: String
    }

    /// The list.
    struct ListContent: Sendable {
        let messages: [Row]
        let isEmpty: Bool
    }

    /// A piece of a message body: plain text, or one of our own links made clickable.
    struct Segment: Sendable {
        let text: String
        let isLink: Bool
    }

    /// One message.
    struct MessageContent: Sendable {
        let recipient: String
        let subject: String
        let segments: [Segment]
    }

    func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let messages = try await OutboxMessageModel.query(on: database.db).sort(\.$createdAt, .descending).limit(200).all()
        let rows = messages.map {
            Row(
                id: $0.id?.uuidString ?? "", recipient: $0.recipient, subject: $0.subject, status: $0.status,
                created: $0.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? "")
        }
        return try renderer.render(
            "development/mailbox", title: "Development mailbox", content: ListContent(messages: rows, isEmpty: rows.isEmpty),
            context: context)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: UUID.self),
            let message = try await OutboxMessageModel.find(id, on: database.db)
        else { throw HTTPError(.notFound) }
        let content = MessageContent(recipient: message.recipient, subject: message.subject, segments: segments(of: message.bodyText))
        return try renderer.render("development/message", title: message.subject, content: content, context: context)
    }

    /// Splits the body into text and links to this site, line by line.
    func segments(of body: String) -> [Segment] {
        body.components(separatedBy: "\n").flatMap { line -> [Segment] in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(baseURL), !trimmed.contains(" ") {
                return [Segment(text: trimmed, isLink: true), Segment(text: "\n", isLink: false)]
            }
            return [Segment(text: line + "\n", isLink: false)]
        }
    }
}
