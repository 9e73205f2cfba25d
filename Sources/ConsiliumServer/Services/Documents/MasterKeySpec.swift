import ConsiliumCore
import Crypto
import Foundation

/// Master keys as configuration writes them: `id:base64` of 32 random bytes.
enum MasterKeySpec {
    static func parse(_ spec: String) -> EncryptedFileFormat.MasterKey? {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count < 64, parts[0].utf8.allSatisfy(Self.isIDByte),
            let data = Data(base64Encoded: parts[1]), data.count == 32
        else {
            return nil
        }
        return EncryptedFileFormat.MasterKey(id: parts[0], key: SymmetricKey(data: data))
    }

    /// Letters, digits, `-`, `_` and `.`: an id is written into stored seals and lists.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }

    /// Development only: a key kept in the data folder, made on first use, so records survive restarts.
    static func developmentKey(dataDirectory: String) throws -> EncryptedFileFormat.MasterKey {
        let path = (dataDirectory as NSString).appendingPathComponent("development-master.key")
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
            let key = parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            return key
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let key = SymmetricKey(size: .bits256)
        let spec = "dev-" + SecureToken.generate(byteCount: 6) + ":" + key.withUnsafeBytes { Data($0).base64EncodedString() }
        guard FileManager.default.createFile(atPath: path, contents: Data(spec.utf8), attributes: [.posixPermissions: 0o600]),
            let parsed = parse(spec)
        else { throw CocoaError(.fileWriteUnknown) }
        return parsed
    }
}
