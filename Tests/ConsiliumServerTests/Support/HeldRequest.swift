import Foundation
import Hummingbird
import HummingbirdTesting

#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 request over a plain loopback socket, sent in two halves: the test decides
/// what happens on the server while the request is still arriving.
final class HeldRequest: @unchecked Sendable {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXFailure(call: "connect") }
    }

    deinit { close(socket) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
            guard sent > 0 else { throw POSIXFailure(call: "send") }
            offset += sent
        }
    }

    /// Reads until the response's head is complete, and returns it.
    func readHead() throws -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.isEmpty ? String(decoding: received, as: UTF8.self).range(of: "\r\n\r\n") == nil : true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    struct POSIXFailure: Error {
        let call: String
    }
}
