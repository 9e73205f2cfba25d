import Foundation

/// The languages a patient may prefer for telephone calls, by ISO 639 code: every language
/// Foundation's locale data (CLDR) has a name for, which covers ISO 639-1 and the ISO 639-2/3
/// languages people ask interpreters for (Cantonese `yue`, Hmong `hmn`, American Sign Language `ase`).
public enum SpokenLanguages {
    /// Offered first: English, then the languages U.S. hospitals' interpreter services are
    /// asked for most (Spanish, Portuguese, Haitian Creole, Chinese, Vietnamese, Russian, Arabic).
    public static let first = ["en", "es", "pt", "ht", "zh", "vi", "ru", "ar"]

    /// Every code with a name of its own; one code per name (Konkani is both `gom` and `kok`).
    public static let codes: Set<String> = {
        let english = Locale(identifier: "en_US")
        var byName: [String: String] = [:]
        for code in Locale.LanguageCode.isoLanguageCodes.map(\.identifier).sorted() {
            guard let name = english.localizedString(forLanguageCode: code), name != code else { continue }
            if byName[name] == nil { byName[name] = code }
        }
        return Set(byName.values).union(first)
    }()

    /// The language's name in `reader`'s language ("Spanish", "español"), capitalised as a list
    /// item is, or nil for a code that is not one of `codes`.
    public static func name(_ code: String, in reader: Language) -> String? {
        guard codes.contains(code), let name = reader.locale.localizedString(forLanguageCode: code) else { return nil }
        return name.prefix(1).uppercased(with: reader.locale) + name.dropFirst()
    }

    /// Every language as a select list offers it to `reader`: `first` in that order, then the
    /// rest by name in the reader's collation. `names` words a language CLDR leaves in English
    /// for the reader ("American Sign Language" in Spanish), by code.
    public static func choices(in reader: Language, names: [String: String] = [:]) -> [(code: String, name: String)] {
        func named(_ code: String) -> (code: String, name: String)? {
            (names[code] ?? name(code, in: reader)).map { (code: code, name: $0) }
        }
        let leading = first.compactMap(named)
        let rest = codes.subtracting(first).compactMap(named)
            .sorted { $0.name.compare($1.name, options: [.caseInsensitive], locale: reader.locale) == .orderedAscending }
        return leading + rest
    }
}
