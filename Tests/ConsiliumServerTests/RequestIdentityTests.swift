import Foundation
import HTTPTypes
import Logging
import NIOConcurrencyHelpers
import Testing

@testable import ConsiliumServer

@Suite("Request ids and log lines")
struct RequestIdentityTests {
    @Test("every response carries its request's id, and an error page shows it for the person to quote")
    func requestID() async throws {
        try await TestApp.runLive { browser, _, _ in
            let page = try await browser.get("/questions")
            let pageID = try #require(page.headers[.xRequestID])
            // Hummingbird's ids are hexadecimal, up to 32 digits (leading zeros are not written)
            #expect((16...32).contains(pageID.count) && pageID.allSatisfy(\.isHexDigit))
            let missing = try await browser.get("/no-such-page")
            #expect(missing.status == .notFound)
            let id = try #require(missing.headers[.xRequestID])
            #expect(id != pageID)
            #expect(missing.text.contains(RequestIdentity.grouped(id)))
            #expect(missing.text.contains("quote this number"))
            let api = try await browser.get("/api/no-such-thing")
            #expect(api.text.contains(#""requestId":"\#(api.headers[.xRequestID] ?? "-")""#))
        }
    }

    @Test("ids are grouped in fours for reading aloud")
    func grouping() {
        #expect(RequestIdentity.grouped("1451ddae03678abb936654daa7bebf6") == "1451 ddae 0367 8abb 9366 54da a7be bf6")
        #expect(RequestIdentity.grouped("") == "")
    }

    @Test("JSON log lines: one object per line, our fields and the metadata, quotes and newlines escaped")
    func jsonLines() throws {
        let lines = NIOLockedValueBox<[String]>([])
        var handler = JSONLogHandler(label: "consilium") { line in lines.withLockedValue { $0.append(line) } }
        handler[metadataKey: "hb.request.id"] = "abc123"
        let logger = Logger(label: "consilium", factory: { _ in handler })
        logger.info("request \"quoted\"\nsecond line", metadata: ["status": "404", "path": "/cases/x"])
        logger.debug("below the level")
        let written = lines.withLockedValue { $0 }
        #expect(written.count == 1)
        let line = try #require(written.first)
        #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["message"] == "request \"quoted\"\nsecond line")
        #expect(object["level"] == "info" && object["label"] == "consilium")
        #expect(object["hb.request.id"] == "abc123" && object["status"] == "404" && object["path"] == "/cases/x")
        #expect(object["time"].flatMap { ISO8601DateFormatter.withFractions.date(from: $0) } != nil)
    }

    @Test("CONSILIUM_LOG_FORMAT takes text or json and nothing else")
    func format() throws {
        #expect(throws: Never.self) { _ = try AppConfig.load(from: ["CONSILIUM_LOG_FORMAT": "json"]) }
        #expect {
            _ = try AppConfig.load(from: ["CONSILIUM_LOG_FORMAT": "xml"])
        } throws: { error in "\(error)".contains("CONSILIUM_LOG_FORMAT") }
    }
}

extension ISO8601DateFormatter {
    fileprivate static var withFractions: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
