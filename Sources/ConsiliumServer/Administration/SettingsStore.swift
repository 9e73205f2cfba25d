import ConsiliumCore
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// The service settings in force, read by every request that needs them and changed by
/// administrators with immediate effect. The environment supplies the values until an
/// administrator first saves; the database then holds them.
final class SettingsStore: Sendable {
    private let database: DatabaseService
    private let audit: AuditLog
    /// The settings in force and the save they came from (nil: the environment's).
    private let state: NIOLockedValueBox<(settings: ServiceSettings, savedAt: Date?)>

    static let key = "service"

    init(database: DatabaseService, audit: AuditLog, defaults: ServiceSettings) {
        self.database = database
        self.audit = audit
        self.state = .init((defaults, nil))
    }

    var current: ServiceSettings { state.withLockedValue { $0.settings } }

    /// Reads the saved settings, if any (at start, and by commands).
    func load() async throws {
        guard let row = try await SettingModel.query(on: database.db).filter(\.$key == Self.key).first() else { return }
        let stored = try JSONDecoder().decode(Stored.self, from: Data(row.value.utf8))
        state.withLockedValue { state in
            // a read that began before this instance's own save must not undo it
            if let savedAt = state.savedAt, row.updatedAt < savedAt { return }
            state = (stored.settings, row.updatedAt)
        }
    }

    /// Saves `settings` and records what changed; takes effect for the next request.
    func save(_ settings: ServiceSettings, by actor: AuditLog.Actor) async throws {
        let previous = current
        let json = String(decoding: try JSONEncoder().encode(Stored(settings)), as: UTF8.self)
        let changes = previous.changes(to: settings)
        guard !changes.isEmpty else { return }
        let now = Date()
        try await database.db.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { throw NotSQL() }
            try await sql.raw(
                """
                INSERT INTO settings (id, updated_at, updated_by, key, value)
                VALUES (\(bind: UUID()), \(bind: now), \(bind: actor.userID?.rawValue), \(bind: Self.key), \(bind: json))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """
            ).run()
            try await self.audit.record(
                .settingsChanged, by: actor, on: .init(type: "Settings", id: Self.key, patientID: nil),
                detail: String(changes.joined(separator: "; ").prefix(2000)), in: tx)
        }
        state.withLockedValue { $0 = (settings, now) }
    }

    struct NotSQL: Error {}

    /// The JSON form of the settings.
    private struct Stored: Codable {
        var countries: [String]
        var excludedUSStates: [String]
        var specialties: [String]
        var turnaroundDays: Int
        var followUpLimit: Int

        init(_ settings: ServiceSettings) {
            countries = settings.serviceArea.countries.sorted()
            excludedUSStates = settings.serviceArea.excludedUSStates.sorted()
            specialties = settings.specialties
            turnaroundDays = settings.turnaroundDays
            followUpLimit = settings.followUpLimit
        }

        var settings: ServiceSettings {
            ServiceSettings(
                serviceArea: ServiceArea(countries: Set(countries), excludedUSStates: Set(excludedUSStates)), specialties: specialties,
                turnaroundDays: turnaroundDays, followUpLimit: followUpLimit)
        }
    }
}
