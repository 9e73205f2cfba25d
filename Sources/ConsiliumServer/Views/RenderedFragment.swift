import ConsiliumCore
import Foundation
import Mustache
import Synchronization

/// HTML made once and spliced into pages as `{{name}}`, so no template needs an unescaped tag.
/// A fragment is made only here, from values escaped by `HTML.escape` (which also turns every
/// `{` into `&#123;`, so nothing a person typed can be read as a Mustache tag).
///
/// While a page renders (`FragmentSplicing.render`), a fragment stands in it as a marker that
/// Mustache's escaping leaves alone, and the finished page gets the fragment's HTML in its
/// place: no parsing at all, where making a Mustache template of a fifty-row table cost a
/// quarter of the page's time. Rendered outside a page, a fragment is a template that is one
/// run of text, which swift-mustache renders in place.
struct RenderedFragment: Sendable, MustacheCustomRepresentation {
    let html: String

    private init(escapedHTML html: String) {
        self.html = html
    }

    var representation: Any? {
        if let splices = FragmentSplicing.current { return splices.marker(for: html) }
        // Parsing text with no `{` cannot fail; if it did, the fragment would render as nothing rather than as text.
        return (try? MustacheTemplate(string: html)) ?? ""
    }

    static let empty = RenderedFragment(escapedHTML: "")

    /// `<option>` elements for a select list, `selected` marked.
    static func options(_ choices: [(value: String, label: String)], selected: String?) -> RenderedFragment {
        var html = ""
        html.reserveCapacity(choices.count * 48)
        for (value, label) in choices {
            html += "<option value=\""
            html += HTML.escape(value)
            html += value == selected ? "\" selected>" : "\">"
            html += HTML.escape(label)
            html += "</option>"
        }
        return RenderedFragment(escapedHTML: html)
    }

    /// What `build` put together: markup only from literals, every value escaped (`HTMLBuilder`).
    static func built(_ build: (inout HTMLBuilder) -> Void) -> RenderedFragment {
        var builder = HTMLBuilder()
        build(&builder)
        return RenderedFragment(escapedHTML: builder.html)
    }

    /// The template `name` of `library` rendered with `content`, kept to be spliced into a page
    /// of another language (a letter written in the physician's language). Mustache escapes the
    /// values as it renders them, but not `{`: every `{` left in the output becomes `&#123;`
    /// (the same character in HTML), so nothing a person typed is read as a tag when the
    /// fragment is spliced. Nil when the library has no such template.
    static func rendered(_ name: String, content: Any, library: MustacheLibrary) -> RenderedFragment? {
        guard let html = FragmentSplicing.render({ library.render(content, withTemplate: name) }) else { return nil }
        return RenderedFragment(escapedHTML: html.replacingOccurrences(of: "{", with: "&#123;"))
    }

    /// Paragraphs of plain text, each one `<p>`.
    static func paragraphs(_ paragraphs: [String]) -> RenderedFragment {
        RenderedFragment(escapedHTML: paragraphs.map { "<p>" + HTML.escape($0) + "</p>" }.joined(separator: "\n"))
    }
}

/// The fragments one rendering met, each standing in it as a marker until it is done.
final class FragmentSplices: Sendable {
    private let fragments = Mutex<[String]>([])

    /// Private-use characters around a number and this process's own random part: Mustache's
    /// escaping leaves them as they are, and text a person typed cannot name a fragment.
    static let nonce = UUID().uuidString

    func marker(for html: String) -> String {
        let index = fragments.withLock { fragments in
            fragments.append(html)
            return fragments.count - 1
        }
        return "\u{E010}\(Self.nonce)-\(index)\u{E011}"
    }

    /// `rendered` with every marker replaced by its fragment's HTML, in one pass over its bytes
    /// (Foundation's `replacingOccurrences` took a tenth of a page's time).
    func splice(into rendered: String) -> String {
        let fragments = fragments.withLock { $0 }
        guard !fragments.isEmpty else { return rendered }
        let opening = Array("\u{E010}\(Self.nonce)-".utf8)
        let closing = Array("\u{E011}".utf8)
        var bytes = Array(rendered.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + fragments.reduce(0) { $0 + $1.utf8.count })
        var position = 0
        var copiedUpTo = 0
        while let start = Self.find(opening, in: bytes, from: position) {
            var cursor = start + opening.count
            var index = 0
            var digits = 0
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) {
                index = index * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
                digits += 1
            }
            guard digits > 0, digits < 9, index < fragments.count, bytes[cursor...].starts(with: closing) else {
                position = start + 1
                continue
            }
            output.append(contentsOf: bytes[copiedUpTo..<start])
            output.append(contentsOf: fragments[index].utf8)
            position = cursor + closing.count
            copiedUpTo = position
        }
        output.append(contentsOf: bytes[copiedUpTo...])
        bytes = []
        return String(decoding: output, as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

enum FragmentSplicing {
    @TaskLocal static var current: FragmentSplices?

    /// What `render` returns, with the fragments it met spliced in.
    static func render(_ render: () -> String?) -> String? {
        let splices = FragmentSplices()
        return $current.withValue(splices) { render() }.map { splices.splice(into: $0) }
    }
}

/// HTML for a part of a page rendered often (a table of fifty rows), put together in Swift
/// rather than through Mustache's lookups: its markup can come only from string literals
/// (`StaticString`), and every value goes through `HTML.escape`, braces included.
struct HTMLBuilder {
    fileprivate(set) var html = ""

    init() {
        html.reserveCapacity(4096)
    }

    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { html += String(decoding: $0, as: UTF8.self) }
    }

    mutating func text(_ value: String) {
        html += HTML.escape(value)
    }
}

/// Escaping for text put into HTML outside Mustache: the five characters swift-mustache escapes
/// (`< > & " '`), and `{`, so that escaped text can be spliced through a Mustache template.
enum HTML {
    /// With `braces: false`, exactly Mustache's five, for text spliced where Mustache would have put it.
    static func escape(_ text: String, braces: Bool = true) -> String {
        var needsWork = false
        for byte in text.utf8
        where byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 || (braces && byte == 0x7B) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "{" where braces: escaped += "&#123;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

/// A select list whose choices are fixed for the life of the process (countries, states): the
/// options' HTML for each selection is made once and kept. A selection that is none of the
/// choices (anything a form may post) shares one entry: nothing selected.
final class OptionList: Sendable {
    let choices: [(value: String, label: String)]
    private let values: Set<String>
    private let made = Mutex<[String: RenderedFragment]>([:])

    init(_ choices: [(value: String, label: String)]) {
        self.choices = choices
        self.values = Set(choices.map(\.value))
    }

    func fragment(selected: String) -> RenderedFragment {
        let key: String? = values.contains(selected) ? selected : nil
        let cacheKey = key ?? "\u{0}none"
        if let kept = made.withLock({ $0[cacheKey] }) { return kept }
        let fragment = RenderedFragment.options(choices, selected: key)
        made.withLock { $0[cacheKey] = fragment }
        return fragment
    }

    /// The countries, named and sorted in `wording`'s language: English names from Debian's
    /// iso-codes, other languages' from the locale data Foundation carries (CLDR).
    static func countries(_ wording: Wording) -> OptionList {
        kept(\.countries, wording) {
            let named: [(value: String, label: String)] =
                wording.language == .english
                ? Country.all.map { ($0.code, $0.name) }
                : Country.all.map { ($0.code, wording.country($0.code)) }
                    .sorted {
                        $0.label.compare($1.label, options: [.caseInsensitive], locale: wording.language.locale) == .orderedAscending
                    }
            return [("", wording("select-prompt"))] + named
        }
    }

    /// The U.S. states and territories, named in the catalogs (`us-state-<code>`) and sorted in
    /// `wording`'s language.
    static func usStates(_ wording: Wording) -> OptionList {
        kept(\.usStates, wording) {
            let named = USState.all.map { (value: $0.code, label: wording("us-state-\($0.code)")) }
                .sorted { $0.label.compare($1.label, options: [.caseInsensitive], locale: wording.language.locale) == .orderedAscending }
            return [("", wording("select-prompt"))] + named
        }
    }

    /// The languages a patient may prefer, named in `wording`'s language (see `SpokenLanguages`).
    static func spokenLanguages(_ wording: Wording) -> OptionList {
        kept(\.spokenLanguages, wording) {
            let catalog = wording.messages.catalog(wording.language)
            let prefix = "spoken-language-"
            let names = Dictionary(
                uniqueKeysWithValues: catalog.messages.keys.filter { $0.hasPrefix(prefix) }.map {
                    (String($0.dropFirst(prefix.count)), wording($0))
                })
            return [("", wording("select-prompt"))]
                + SpokenLanguages.choices(in: wording.language, names: names).map { (value: $0.code, label: $0.name) }
        }
    }

    private struct Lists {
        var countries: [Language: OptionList] = [:]
        var usStates: [Language: OptionList] = [:]
        var spokenLanguages: [Language: OptionList] = [:]
    }

    private static let lists = Mutex(Lists())

    private static func kept(
        _ slot: WritableKeyPath<Lists, [Language: OptionList]>, _ wording: Wording, make: () -> [(value: String, label: String)]
    ) -> OptionList {
        if let list = lists.withLock({ $0[keyPath: slot][wording.language] }) { return list }
        let list = OptionList(make())
        lists.withLock { $0[keyPath: slot][wording.language] = list }
        return list
    }
}
