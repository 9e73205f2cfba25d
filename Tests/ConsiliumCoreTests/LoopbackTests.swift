import Testing

@testable import ConsiliumCore

@Suite("Loopback addresses")
struct LoopbackTests {
    @Test("localhost, 127.0.0.0/8 and ::1 are loopback; nothing else is")
    func loopback() {
        for host in ["localhost", "LOCALHOST", "127.0.0.1", "127.255.0.9", "::1", "[::1]"] { #expect(Loopback.contains(host), "\(host)") }
        for host in ["0.0.0.0", "::", "10.0.0.1", "127.0.0.1.evil.example", "127.0.0", "localhost.example", "1270.0.0.1", ""] {
            #expect(!Loopback.contains(host), "\(host)")
        }
    }
}
