import ConsiliumCore
import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import SQLKit

/// Loads the server-side session named by the cookie, enforces its idle and absolute time-outs,
/// loads the signed-in user, and after the handler writes back what it changed: a new id at
/// sign-in (the old session deleted), the session deleted at sign-out. Writing back only ever
/// updates a session that still exists: one ended while the request ran stays ended.
///
/// HummingbirdAuth's own `SessionMiddleware` swallows storage errors and keeps no idle time;
/// this one uses its `SessionStorage` with our persist driver and adds both.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let storage: SessionStorage<SessionState>
    let driver: FluentPersistDriver
    let lifetime: SessionLifetime
    let database: DatabaseService
    let cookieParameters: SessionCookieParameters

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = Date()
        let cookieID = storage.getId(request: request)
        var loaded: SessionState?
        var expired = false
        if cookieID != nil {
            do {
                loaded = try await storage.load(request: request)
            } catch let error as SessionStorage<SessionState>.Error where error == .sessionInvalidType {
                loaded = nil  // written by an incompatible version: treat as gone
            }
            if let state = loaded, lifetime.hasExpired(createdAt: state.createdAt, lastSeenAt: state.lastSeenAt, now: now) {
                _ = try await storage.delete(request: request)
                loaded = nil
                expired = true
            }
        }
        context.session = SessionHandle(state: loaded, expired: expired)
        if let state = loaded, let userID = state.userID {
            let user = try await database.read(UserModel.self, "SELECT * FROM \(ident: UserModel.schema) WHERE id = \(bind: userID)").first
            if let user, let identity = SignedInUser(user),
                user.honoursSession(startedAt: state.createdAt)
            {
                context.identity = identity
            } else {
                // The account was disabled or removed, or its sessions were ended after this one began.
                context.session.destroy()
            }
        }

        var response = try await next(request, context)

        let handle = context.session
        switch handle.change {
        case .none:
            if var state = handle.state, let cookieID, lifetime.needsTouch(lastSeenAt: state.lastSeenAt, now: now) {
                state.lastSeenAt = now
                try await driver.update(key: Self.keyPrefix + cookieID, value: state, expires: remaining(state, now))
            } else if cookieID != nil, loaded == nil {
                response.headers[values: .setCookie].append(expiredCookie())
            }
        case .save:
            guard var state = handle.state else { break }
            state.lastSeenAt = now
            if loaded != nil, let cookieID {
                try await driver.update(key: Self.keyPrefix + cookieID, value: state, expires: remaining(state, now))
            } else {
                response.headers[values: .setCookie].append(try await save(state, now: now))
            }
        case .rotate:
            if loaded != nil { _ = try await storage.delete(request: request) }
            if let state = handle.state {
                response.headers[values: .setCookie].append(try await save(state, now: now))
            }
        case .destroy:
            if loaded != nil { _ = try await storage.delete(request: request) }
            response.headers[values: .setCookie].append(expiredCookie())
        }
        return response
    }

    private func save(_ state: SessionState, now: Date) async throws -> String {
        let cookie = try await storage.save(session: state, expiresIn: remaining(state, now))
        // Add HttpOnly and drop Expires: the browser forgets the cookie when it closes, the
        // server forgets the session at its time-outs.
        return Cookie(
            name: cookie.name, value: cookie.value, path: "/", secure: cookieParameters.secure, httpOnly: true,
            sameSite: .lax
        ).description
    }

    private func expiredCookie() -> String {
        Cookie(
            name: cookieParameters.name, value: "", maxAge: 0, path: "/", secure: cookieParameters.secure,
            httpOnly: true, sameSite: .lax
        ).description
    }

    private func remaining(_ state: SessionState, _ now: Date) -> Duration {
        .seconds(Int(lifetime.remaining(createdAt: state.createdAt, now: now).rounded(.up)))
    }

    static let keyPrefix = "session."
}
