import ConsiliumCore
import FluentKit
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Ended sessions stay ended")
struct SessionEndTests {
    @Test("an upload held open across a password change from another session does not bring its session back")
    func heldAcrossPasswordChange() async throws {
        try await TestApp.runLive { browser, dependencies, port in
            // setup: Margaret signed in twice; the first session starts an upload and holds it open
            let caseModel = try await CaseFixtures.confirmedCase(dependencies)
            let path = "/cases/\(caseModel.id!.uuidString.lowercased())/records"
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            try await browser.get(path)
            let oldSession = try #require(browser.cookies["consilium_session"])
            let other = browser.fresh()
            try await other.signIn("margaret.ellis@example.org", Fixtures.password)

            let boundary = "held-upload-boundary"
            var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrfToken)\r\n".utf8)
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                    .utf8)
            body += RecordFixtures.pdf
            let tail = Array("\r\n--\(boundary)--\r\n".utf8)
            let head =
                "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: \(browser.origin)\r\nCookie: consilium_session=\(oldSession)\r\n"
                + "Content-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count + tail.count)\r\n\r\n"
            let held = try HeldRequest(port: port)
            try held.send(Array(head.utf8) + body)
            try await Task.sleep(for: .milliseconds(400))

            // act: the other session changes the password while the upload is still arriving
            try await other.get("/account/password")
            let changed = try await other.post(
                "/account/password",
                form: [
                    ("current_password", Fixtures.password), ("password", "Another-pass-7315"),
                    ("password_confirmation", "Another-pass-7315"),
                ])
            #expect(changed.location == "/account")
            try held.send(tail)
            let response = try held.readHead()
            #expect(response.hasPrefix("HTTP/1.1 "))

            // check: the first session is gone and stays gone; the one that changed the password continues
            let user = try #require(
                try await UserModel.query(on: dependencies.database.db).filter(\.$email == "margaret.ellis@example.org").first())
            let rows = try await SessionRecord.query(on: dependencies.database.db).filter(\.$userID == user.id).all()
            #expect(rows.count == 1)
            #expect(rows.first?.id == SecureToken.hash(SessionMiddleware.keyPrefix + (other.cookies["consilium_session"] ?? "")))
            browser.setCookie("consilium_session", oldSession)
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await other.get("/account").status == .ok)
        }
    }

    @Test("a session that began before the account's sessions were ended is refused even if its row is back")
    func validFrom() async throws {
        try await TestApp.run { browser, dependencies in
            try await Fixtures.user(dependencies)
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            let record = try #require(try await SessionRecord.query(on: dependencies.database.db).first())
            let copy = SessionRecord(idHash: record.id!, userID: record.userID, data: record.data, expiresAt: record.expiresAt)
            try await Task.sleep(for: .milliseconds(2))
            // an administrator's role change, a reset or a disable ends the sessions the same way
            try await dependencies.sessions.removeAll(ofUser: try #require(record.userID))
            try await copy.create(on: dependencies.database.db)
            #expect(try await browser.get("/account").status == .seeOther)
            #expect(try await SessionRecord.query(on: dependencies.database.db).count() == 0)
        }
    }
}
