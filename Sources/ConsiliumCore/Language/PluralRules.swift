import Foundation

/// CLDR's plural categories: which form of a word a number takes in a language.
public enum PluralCategory: String, Sendable, CaseIterable {
    case zero, one, two, few, many, other
}

/// CLDR plural rules (cardinals) for the languages the service speaks, from the operands CLDR
/// defines: n (the absolute value), i (its integer digits), v (how many fraction digits are
/// shown), and e (the exponent of compact notation, 0 here).
/// https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html
public enum PluralRules {
    /// The category of `number` as it will be shown, written with `fractionDigits` decimals.
    public static func category(of number: Double, fractionDigits: Int = 0, in language: Language) -> PluralCategory {
        let n = abs(number)
        let i = n.rounded(.towardZero)
        let v = fractionDigits
        switch language {
        case .english:
            // one: i = 1 and v = 0
            return i == 1 && v == 0 ? .one : .other
        case .spanish:
            // one: n = 1
            // many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 (or e outside 0..5)
            if n == 1 { return .one }
            if i != 0, i.truncatingRemainder(dividingBy: 1_000_000) == 0, v == 0 { return .many }
            return .other
        }
    }

    /// The category of a whole number.
    public static func category(of number: Int, in language: Language) -> PluralCategory {
        category(of: Double(number), in: language)
    }
}
