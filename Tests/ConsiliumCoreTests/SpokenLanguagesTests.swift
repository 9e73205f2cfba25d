import Testing

@testable import ConsiliumCore

@Suite("Languages a patient may prefer")
struct SpokenLanguagesTests {
    @Test("the languages asked for most come first, in that order, named in the reader's language")
    func firstChoices() {
        let english = SpokenLanguages.choices(in: .english)
        #expect(
            english.prefix(8).map(\.name) == [
                "English", "Spanish", "Portuguese", "Haitian Creole", "Chinese", "Vietnamese", "Russian", "Arabic",
            ])
        let spanish = SpokenLanguages.choices(in: .spanish)
        #expect(spanish.prefix(4).map(\.name) == ["Inglés", "Español", "Portugués", "Criollo haitiano"])
    }

    @Test("then every other ISO 639 language CLDR names, once each, by name in the reader's collation")
    func everyLanguage() {
        let spanish = SpokenLanguages.choices(in: .spanish)
        #expect(spanish.count > 500)
        #expect(Set(spanish.map(\.code)).count == spanish.count)
        #expect(Set(spanish.map(\.name)).count == spanish.count, "one entry per name")
        let rest = spanish.dropFirst(SpokenLanguages.first.count).map(\.name)
        #expect(rest == rest.sorted { $0.compare($1, options: [.caseInsensitive], locale: Language.spanish.locale) == .orderedAscending })
        for code in ["yue", "hmn", "ase", "fil", "so", "ne"] { #expect(SpokenLanguages.codes.contains(code), "\(code)") }
        #expect(SpokenLanguages.name("yue", in: .spanish) == "Cantonés")
        #expect(SpokenLanguages.name("xx", in: .english) == nil)
        // a name CLDR leaves in English is worded by the catalog
        #expect(SpokenLanguages.name("ase", in: .spanish) == "American Sign Language")
        let worded = SpokenLanguages.choices(in: .spanish, names: ["ase": "Lengua de señas americana"])
        #expect(worded.contains { $0.code == "ase" && $0.name == "Lengua de señas americana" })
        #expect(worded.count == spanish.count)
    }
}
