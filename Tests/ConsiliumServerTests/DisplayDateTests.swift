import ConsiliumCore
import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Dates as pages show them")
struct DisplayDateTests {
    @Test("pages use the institution's zone, New York unless configured")
    func institutionZone() throws {
        let config = try AppConfig.load(from: ["CONSILIUM_ENV": "test", "CONSILIUM_DATA_DIR": "/tmp/consilium-display-date"])
        #expect(config.institution.dateWording.zone.identifier == "America/New_York")
        // 2 March 2026 14:05 UTC is 9:05 in the morning in New York, standard time
        #expect(DisplayDate.withTime(Date(timeIntervalSince1970: 1_772_460_300)) == "2 March 2026, 9:05 AM EST")
    }

    @Test("a zone name the system does not know stops the service from starting")
    func unknownZone() {
        #expect(throws: (any Error).self) {
            try AppConfig.load(from: [
                "CONSILIUM_ENV": "test", "CONSILIUM_DATA_DIR": "/tmp/consilium-display-date", "CONSILIUM_TIME_ZONE": "EST5 Boston",
            ])
        }
    }
}
