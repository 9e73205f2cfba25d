import Foundation
import Testing

@testable import ConsiliumServer

@Suite("Metrics for operators")
struct MetricsTests {
    @Test("requests are counted by route template, views and uploads by what they did; no label holds an id, an address or a name")
    func exposition() async throws {
        let config = try TestApp.configuration(["CONSILIUM_METRICS_PORT": "0"])
        #expect(config.metricsPort == 0 && config.metricsHostname == "127.0.0.1")
        try await TestApp.run(config) { browser, dependencies in
            let caseModel = try await CaseFixtures.confirmedCase(dependencies)
            let casePath = "/cases/\(caseModel.id!.uuidString.lowercased())"
            try await browser.signIn("margaret.ellis@example.org", Fixtures.password)
            #expect(try await browser.get(casePath).status == .ok)
            try await browser.get(casePath + "/records")
            _ = try await browser.postMultipart(casePath + "/records", files: [("files", "note.pdf", RecordFixtures.pdf)])
            #expect(try await browser.get("/no-such-page").status == .notFound)
            let text = await ServiceMetrics.exposition(database: dependencies.database)
            #expect(text.contains(#"http_route="/cases/{id}""#), "\(text.prefix(2000))")
            #expect(text.contains(#"http_route="NotFound""#))
            #expect(Self.value("consilium_audit_events_appended_total", in: text) ?? 0 >= 2)
            #expect(Self.value("consilium_record_upload_bytes_total", in: text) ?? 0 >= Double(RecordFixtures.pdf.count))
            #expect(Self.value("consilium_active_sessions", in: text) ?? 0 >= 1)
            #expect(Self.value("consilium_outbox_pending", in: text) != nil)
            #expect(text.contains(#"http_server_request_duration_bucket{http_route="/cases/{id}""#))
            // what a label must never carry
            #expect(!text.contains(caseModel.id!.uuidString.lowercased()) && !text.contains(caseModel.id!.uuidString))
            #expect(!text.contains("@") && !text.contains("Ellis") && !text.contains("margaret"))
            #expect(text.range(of: #"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-"#, options: .regularExpression) == nil)
        }
    }

    @Test("a transaction kept waiting for the database's connection is measured, and a request refused for want of one is counted")
    func connectionWaits() async throws {
        try await TestApp.run { _, dependencies in
            let database = dependencies.database
            func slowWaits() async -> Double {
                let text = await ServiceMetrics.exposition(database: database)
                let name = "consilium_database_connection_wait_seconds"
                return (Self.value(name + "_count", in: text) ?? 0) - (Self.value(name + #"_bucket{le="0.5"}"#, in: text) ?? 0)
            }
            let before = await slowWaits()
            // every connection held for a second; one more transaction asked for meanwhile waits for one
            let holders = OverloadTests.connections(dependencies)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<holders {
                    group.addTask { try await database.db.transaction { _ in try await Task.sleep(for: .seconds(1)) } }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(150))
                    try await database.db.transaction { _ in }
                }
                try await group.waitForAll()
            }
            #expect(await slowWaits() >= before + 1)
        }
    }

    /// The value of an unlabelled metric in the exposition.
    static func value(_ name: String, in text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
    }
}
