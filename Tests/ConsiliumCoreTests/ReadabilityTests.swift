import Foundation
import Testing

@testable import ConsiliumCore

@Suite("Readability")
struct ReadabilityTests {
    @Test("Flesch–Kincaid on the textbook sentence: six words, six syllables, grade −1.45")
    func catOnTheMat() {
        let result = Readability("The cat sat on the mat.", language: .english)
        #expect(result.words == 6 && result.sentences == 1 && result.syllables == 6)
        #expect(abs(result.grade - (0.39 * 6 + 11.8 * 1 - 15.59)) < 1e-9)
        #expect(abs(result.grade - -1.45) < 1e-9)
        #expect(result.isAdvisable)
    }

    @Test("Flesch–Kincaid on the platypus sentence's published counts (13 words, 26 syllables): grade 13.1")
    func platypus() {
        // "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
        // (its Flesch reading ease, 24.4, is the usual worked example; the grade follows from the same counts)
        let result = Readability(words: 13, sentences: 1, syllables: 26, language: .english)
        #expect(abs(result.grade - 13.08) < 0.005)
        #expect(!result.isAdvisable)
        let ease: Double = 206.835 - 1.015 * 13 - 84.6 * 2  // the same counts give the published ease, 24.4
        #expect(abs(ease - 24.44) < 0.005)
    }

    @Test("Fernández Huerta, as corrected: longer sentences read harder, and the score maps to a grade")
    func fernandezHuerta() {
        // 100 words in 10 sentences with 180 syllables: 206.84 - 0.60 * 180 - 1.02 * 10 = 88.64, fifth grade
        let easy = Readability(words: 100, sentences: 10, syllables: 180, language: .spanish)
        #expect(abs(easy.score - 88.64) < 1e-9)
        #expect(abs(easy.grade - 5.136) < 1e-9)
        // the same words in 4 sentences: 206.84 - 108 - 25.5 = 73.34, sixth grade
        let longer = Readability(words: 100, sentences: 4, syllables: 180, language: .spanish)
        #expect(longer.score < easy.score)
        #expect(abs(longer.score - 73.34) < 1e-9)
        // two syllables a word more makes a university text
        let hard = Readability(words: 100, sentences: 4, syllables: 260, language: .spanish)
        #expect(hard.grade == 16 && !hard.isAdvisable)
    }

    @Test("English syllables of common words")
    func englishSyllables() {
        let expected = [
            "the": 1, "cat": 1, "doctor": 2, "report": 2, "specialist": 3, "make": 1, "table": 2, "asked": 1, "wanted": 2,
            "every": 3, "day": 1, "happy": 2, "treatment": 2, "opinion": 3, "medicine": 3,
        ]
        for (word, count) in expected { #expect(Readability.syllables(in: word, language: .english) == count, "\(word)") }
    }

    @Test("Spanish syllables: diphthongs join, strong vowels and accented í, ú part, silent u")
    func spanishSyllables() {
        let expected = [
            "médico": 3, "día": 2, "cuidado": 3, "ciudad": 2, "aeropuerto": 5, "guerra": 2, "que": 1, "Paraguay": 3, "hoy": 1,
            "y": 1, "tratamiento": 4, "opinión": 3, "especialista": 5, "país": 2, "leer": 2, "pingüino": 3,
        ]
        for (word, count) in expected { #expect(Readability.syllables(in: word, language: .spanish) == count, "\(word)") }
    }

    @Test("a plain summary in each language is within the advised grade; a dense one is not")
    func summaries() {
        let plain = Readability(
            "The lump is not cancer. It is a cyst. You do not need surgery now. Ask your doctor about a scan in six months.",
            language: .english)
        #expect(plain.sentences == 4 && plain.isAdvisable)
        let dense = Readability(
            "Histopathological examination demonstrates a benign epithelial inclusion cyst without cytological atypia, "
                + "necessitating no immediate surgical intervention notwithstanding periodic radiological surveillance.",
            language: .english)
        #expect(!dense.isAdvisable)
        let llano = Readability(
            "El bulto no es cáncer. Es un quiste. No necesita una operación ahora. Pregunte a su médico.", language: .spanish)
        #expect(llano.isAdvisable)
    }
}
