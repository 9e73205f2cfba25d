import Foundation
import Logging
import NIOConcurrencyHelpers

/// How log lines are written: `text` (swift-log's own lines) or `json`, one object per line for
/// a log shipper (`CONSILIUM_LOG_FORMAT`). Either way a request's lines carry its id.
public enum LogFormat: String, Sendable {
    case text, json

    /// Sets the process's log format from `CONSILIUM_LOG_FORMAT`, once, before any logger is
    /// made; a value it does not know is left for the configuration check to name.
    public static func bootstrap(from variables: [String: String] = ProcessInfo.processInfo.environment) {
        let format = variables["CONSILIUM_LOG_FORMAT"].flatMap { LogFormat(rawValue: $0.lowercased()) } ?? .text
        LoggingSystem.bootstrap { label in
            switch format {
            case .text: StreamLogHandler.standardOutput(label: label)
            case .json: JSONLogHandler(label: label)
            }
        }
    }
}

/// One JSON object per line: time (UTC, milliseconds), level, label, message, source, and the
/// metadata's keys beside them (nested values as their text). The keys of our own fields win
/// over metadata of the same name.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    let write: @Sendable (String) -> Void

    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardOutput) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(explicit ?? [:], uniquingKeysWith: { $1 }) { fields[key] = "\(value)" }
        fields["time"] = Self.timestamp(Date())
        fields["level"] = level.rawValue
        fields["label"] = label
        fields["message"] = message.description
        fields["source"] = source
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: data, encoding: .utf8)
        else { return }
        write(text + "\n")
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    private static let outputLock = NIOLock()

    /// Whole lines to standard output, never two interleaved.
    @Sendable public static func standardOutput(_ line: String) {
        outputLock.withLock { FileHandle.standardOutput.write(Data(line.utf8)) }
    }
}
