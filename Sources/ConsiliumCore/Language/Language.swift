import Foundation

/// A language the service is written in. English is the default and the binding language of
/// the agreement; every page a patient, a family member or a treating physician uses is also
/// in Spanish.
public enum Language: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case spanish = "es"

    /// The BCP 47 tag, for `lang` attributes and `Content-Language`.
    public var tag: String { rawValue }

    /// The language's name in itself, as the switch shows it: "English", "Español".
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .spanish: "Español"
        }
    }

    /// The language's name in English, for staff pages ("Spanish"), from CLDR.
    public var englishName: String {
        Locale(identifier: "en_US").localizedString(forLanguageCode: tag) ?? tag
    }

    /// The locale whose conventions dates and numbers follow (the service is in the United States).
    public var locale: Locale {
        switch self {
        case .english: Locale(identifier: "en_US")
        case .spanish: Locale(identifier: "es_US")
        }
    }

    /// The language whose tag is `tag` ("es", "es-MX", "EN-gb"), if the service speaks it.
    public init?(tag: String) {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        guard let language = Language(rawValue: primary) else { return nil }
        self = language
    }

    /// The best of the service's languages for an `Accept-Language` header (RFC 9110 §12.5.4):
    /// the highest-weighted range the service speaks; ties go to the one listed first. Nil when
    /// none is spoken (the caller then uses English).
    public static func preferred(byAcceptLanguage header: String) -> Language? {
        var best: (language: Language, weight: Double, position: Int)?
        for (position, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = parts.first, !range.isEmpty, let language = Language(tag: range) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            guard weight > 0 else { continue }
            if best == nil || weight > best!.weight { best = (language, weight, position) }
        }
        return best?.language
    }
}
