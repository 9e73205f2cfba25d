import Foundation

/// How hard a text is to read, by the published formulas for its language: the grade a reader
/// needs. It advises the consultant writing the patient's summary (aim for grade 8 or below);
/// it never decides anything.
///
/// - English: the Flesch–Kincaid grade level (Kincaid et al., 1975),
///   0.39 × words/sentences + 11.8 × syllables/words − 15.59.
/// - Spanish: Fernández Huerta's readability (1959), as corrected by Gwillim Law (2011),
///   L = 206.84 − 0.60 × syllables per 100 words − 1.02 × words/sentences, on a scale of 0
///   (hardest) to 100, read as a school grade by Fernández Huerta's table.
public struct Readability: Sendable, Equatable {
    public let words: Int
    public let sentences: Int
    public let syllables: Int
    /// Flesch–Kincaid's grade (English) or Fernández Huerta's score (Spanish).
    public let score: Double
    /// The school grade the score corresponds to.
    public let grade: Double

    /// The grade at or below which the summary for the patient is advised to be.
    public static let advisedGrade = 8.0

    public var isAdvisable: Bool { grade <= Self.advisedGrade }

    /// The readability of `text`, its words, sentences and syllables counted here.
    public init(_ text: String, language: Language) {
        let words = Self.words(text)
        self.init(
            words: words.count, sentences: Self.sentenceCount(text),
            syllables: words.reduce(0) { $0 + Self.syllables(in: $1, language: language) }, language: language)
    }

    /// The formulas on counts already made.
    public init(words: Int, sentences: Int, syllables: Int, language: Language) {
        let sentences = max(1, sentences)
        self.words = words
        self.sentences = sentences
        self.syllables = syllables
        let wordsPerSentence = Double(words) / Double(sentences)
        let syllablesPerWord = words == 0 ? 0 : Double(syllables) / Double(words)
        switch language {
        case .english:
            score = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
            grade = score
        case .spanish:
            score = 206.84 - 0.60 * (syllablesPerWord * 100) - 1.02 * wordsPerSentence
            grade = Self.grade(fernandezHuerta: score)
        }
    }

    /// Fernández Huerta's table: 90–100 fourth grade, 80–90 fifth, 70–80 sixth, 60–70
    /// seventh or eighth, 50–60 pre-university (taken as 10), 30–50 selective courses (13),
    /// below 30 university (16). Within a band the grade moves in proportion.
    static func grade(fernandezHuerta score: Double) -> Double {
        switch score {
        case 90...: 4
        case 80..<90: 5 + (90 - score) / 10
        case 70..<80: 6 + (80 - score) / 10
        case 60..<70: 7 + (70 - score) / 10
        case 50..<60: 10
        case 30..<50: 13
        default: 16
        }
    }

    /// The words: runs of letters (apostrophes and hyphens inside a word keep it whole).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || (!current.isEmpty && (character == "'" || character == "’" || character == "-")) {
                current.append(character)
            } else {
                if current.contains(where: \.isLetter) { words.append(current) }
                current = ""
            }
        }
        if current.contains(where: \.isLetter) { words.append(current) }
        return words.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'’-")) }
    }

    /// Sentences end at ".", "!" or "?" (a run of them counts once) followed by a space or the
    /// end; text without one is one sentence.
    static func sentenceCount(_ text: String) -> Int {
        var count = 0
        var previousWasEnd = false
        var sawWord = false
        for character in text {
            if ".!?".contains(character) {
                if sawWord, !previousWasEnd { count += 1 }
                previousWasEnd = true
                sawWord = false
            } else {
                if character.isLetter || character.isNumber { sawWord = true }
                if !character.isWhitespace { previousWasEnd = false }
            }
        }
        return count + (sawWord ? 1 : 0)
    }

    /// Syllables in one word.
    static func syllables(in word: String, language: Language) -> Int {
        switch language {
        case .english: englishSyllables(word.lowercased())
        case .spanish: spanishSyllables(word.lowercased())
        }
    }

    /// English has no rule that always holds; this counts groups of vowels ("y" after a
    /// consonant is one), less a silent final "e" (but not "-le" after a consonant), and
    /// "-ed" that adds no syllable; at least one.
    static func englishSyllables(_ word: String) -> Int {
        let letters = Array(word.filter(\.isLetter))
        guard !letters.isEmpty else { return 0 }
        func isVowel(_ index: Int) -> Bool {
            let c = letters[index]
            if "aeiou".contains(c) { return true }
            return c == "y" && index > 0 && !"aeiou".contains(letters[index - 1])
        }
        var groups = 0
        var inVowels = false
        for index in letters.indices {
            let vowel = isVowel(index)
            if vowel, !inVowels { groups += 1 }
            inVowels = vowel
        }
        let n = letters.count
        if n > 2, letters[n - 1] == "e", !isVowel(n - 2) {
            let le = letters[n - 2] == "l" && n > 3 && !isVowel(n - 3)
            if !le { groups -= 1 }
        }
        if n > 3, letters[n - 2] == "e", letters[n - 1] == "d", !"td".contains(letters[n - 3]), !isVowel(n - 3) {
            groups -= 1
        }
        return max(1, groups)
    }

    /// Spanish spelling follows its sounds: each syllable has one vowel nucleus. Two vowels
    /// together make one syllable (a diphthong) when one of them is an unstressed i or u
    /// (written without an accent); two strong vowels (a, e, o, or an accented í, ú) are two.
    /// "qu" and "gu" before e or i write a silent u, as does the "ü"-less "gu" in "guerra".
    static func spanishSyllables(_ word: String) -> Int {
        let letters = Array(word.filter(\.isLetter))
        guard !letters.isEmpty else { return 0 }
        let weak: Set<Character> = ["i", "u", "ü", "y"]
        let strong: Set<Character> = ["a", "e", "o", "á", "é", "í", "ó", "ú"]
        func isVowel(_ index: Int) -> Bool {
            let c = letters[index]
            if strong.contains(c) || c == "i" || c == "u" || c == "ü" { return true }
            // "y" is a vowel at the end of a word after a vowel (hoy, muy) or alone (y)
            return c == "y" && (letters.count == 1 || (index == letters.count - 1 && index > 0 && isVowel(index - 1)))
        }
        var count = 0
        var previous: Character?
        for index in letters.indices {
            let c = letters[index]
            // the silent u of que, qui, gue, gui
            if c == "u", index > 0, "qg".contains(letters[index - 1]), index + 1 < letters.count, "eéií".contains(letters[index + 1]) {
                continue
            }
            guard isVowel(index) else {
                previous = nil
                continue
            }
            if let before = previous, weak.contains(before) || weak.contains(c) {
                // a diphthong or triphthong: same syllable (an accented í or ú breaks it, and
                // counts as strong above, so two "strong" letters never get here)
                previous = c
                continue
            }
            count += 1
            previous = c
        }
        return max(1, count)
    }
}
