import Foundation

/// Writes each message as an `.eml` file into a folder, atomically (temporary file, then
/// rename), so a reader never sees half a message. The default in development.
struct FileDropTransport: MailTransport {
    let directory: String

    func send(_ mail: OutgoingMail) async throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = mail.messageID.replacingOccurrences(of: "@", with: "_") + ".eml"
        let final = URL(fileURLWithPath: directory).appendingPathComponent(name)
        let temporary = URL(fileURLWithPath: directory).appendingPathComponent(".\(name).tmp")
        try Data(mail.rendered().utf8).write(to: temporary)
        if fileManager.fileExists(atPath: final.path) { try fileManager.removeItem(at: final) }
        try fileManager.moveItem(at: temporary, to: final)
    }
}
