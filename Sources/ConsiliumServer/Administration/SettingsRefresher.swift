import Foundation
import Logging
import ServiceLifecycle

/// Reads the saved settings again every few seconds, so that an administrator's change made
/// through another instance of the service (several sharing one PostgreSQL) reaches this one
/// too. The instance that saves applies its change at once.
struct SettingsRefresher: Service {
    let settings: SettingsStore
    let logger: Logger
    var interval: Duration = .seconds(10)

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    try await settings.load()
                } catch {
                    logger.warning("Reading the settings failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
            }
        }
    }
}
