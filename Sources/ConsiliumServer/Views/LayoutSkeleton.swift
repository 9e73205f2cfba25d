import ConsiliumCore
import Mustache

/// The layout around every page, rendered once per language and kind of page (signed in or
/// not, with a notice or not) with a marker where each of the request's own values goes, and
/// cut at the markers. A page is then the pieces with the request's values, escaped as Mustache
/// would, put between them around the page's own part, which alone goes through Mustache.
/// The header, the language switch, the footer and every message in them are rendered once.
///
/// Which value a marker stands for is found by rendering, not assumed, so a change to the
/// layout template changes the pieces with it; the page tests compare every page put
/// together this way with the same page rendered whole by Mustache.
struct LayoutSkeleton: Sendable {
    /// The request's values a layout holds, in the order `Values` lists them.
    enum Slot: Sendable, Equatable {
        case title, userName, roleName, csrfToken, notice
        case languageHref(Int)
        /// The page's own part, already HTML.
        case main
    }

    /// The request's values, as plain text (escaped when put in).
    struct Values {
        var title: String
        var userName: String
        var roleName: String
        var csrfToken: String
        var notice: String
        var languageHrefs: [String]
    }

    /// Text between markers, one more than `slots`.
    let pieces: [String]
    let slots: [Slot]

    /// Cuts `rendered` at the markers `marker(for:)` put in it.
    init(rendered: String, slots candidates: [Slot], marker: (Slot) -> String) {
        var pieces: [String] = []
        var slots: [Slot] = []
        var rest = Substring(rendered)
        while true {
            let found = candidates.compactMap { slot in rest.range(of: marker(slot)).map { (slot, $0) } }
                .min { $0.1.lowerBound < $1.1.lowerBound }
            guard var (slot, range) = found else { break }
            if slot == .main { range = Self.wholeLine(range, in: rest) }
            pieces.append(String(rest[..<range.lowerBound]))
            slots.append(slot)
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        self.pieces = pieces
        self.slots = slots
    }

    /// The page's own part is rendered with the layout's whole line around it (its indentation,
    /// which Mustache repeats on every line of the part, and its line end), so the marker's
    /// line is cut whole, when nothing but spaces share it.
    private static func wholeLine(_ range: Range<Substring.Index>, in text: Substring) -> Range<Substring.Index> {
        let before = text[..<range.lowerBound]
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let after = text[range.upperBound...]
        let lineEnd = after.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
        guard text[lineStart..<range.lowerBound].allSatisfy({ $0 == " " || $0 == "\t" }),
            text[range.upperBound..<lineEnd].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" })
        else { return range }
        return lineStart..<lineEnd
    }

    /// The whole page.
    func page(_ values: Values, main: String) -> String {
        var html = ""
        html.reserveCapacity(pieces.reduce(main.utf8.count + 512) { $0 + $1.utf8.count })
        for (index, slot) in slots.enumerated() {
            html += pieces[index]
            switch slot {
            case .title: html += HTML.escape(values.title, braces: false)
            case .userName: html += HTML.escape(values.userName, braces: false)
            case .roleName: html += HTML.escape(values.roleName, braces: false)
            case .csrfToken: html += HTML.escape(values.csrfToken, braces: false)
            case .notice: html += HTML.escape(values.notice, braces: false)
            case .languageHref(let index):
                html += index < values.languageHrefs.count ? HTML.escape(values.languageHrefs[index], braces: false) : ""
            case .main: html += main
            }
        }
        html += pieces[pieces.count - 1]
        return html
    }
}

/// The skeletons of one renderer: per language, signed in or not, with a notice or not.
struct LayoutSkeletons: Sendable {
    private let skeletons: [Key: LayoutSkeleton]

    struct Key: Hashable, Sendable {
        let language: Language
        let signedIn: Bool
        let hasNotice: Bool
    }

    /// The page template the skeletons are rendered from: the layout, its main part a marker.
    static let templateName = "\u{E000}layout-skeleton"

    static func template(mainMarker: String) -> String {
        "{{<layout}}{{$main}}" + mainMarker + "{{/main}}{{/layout}}"
    }

    /// Markers use private-use characters, which no escaping changes and no message holds.
    static func marker(_ slot: LayoutSkeleton.Slot) -> String {
        switch slot {
        case .title: "\u{E000}title\u{E001}"
        case .userName: "\u{E000}user\u{E001}"
        case .roleName: "\u{E000}role\u{E001}"
        case .csrfToken: "\u{E000}csrf\u{E001}"
        case .notice: "\u{E000}notice\u{E001}"
        case .languageHref(let index): "\u{E000}href\(index)\u{E001}"
        case .main: "\u{E000}main\u{E001}"
        }
    }

    /// Renders every skeleton with `libraries` (which must hold `templateName`).
    init(libraries: [Language: MustacheLibrary], site: SiteContext) throws {
        let languages = Language.allCases.count
        let slots: [LayoutSkeleton.Slot] =
            [.title, .userName, .roleName, .csrfToken, .notice, .main] + (0..<languages).map { .languageHref($0) }
        var skeletons: [Key: LayoutSkeleton] = [:]
        for language in Language.allCases {
            guard let library = libraries[language] else { throw TemplateMissing(name: "layout (\(language.tag))") }
            for signedIn in [false, true] {
                for hasNotice in [false, true] {
                    let layout = LayoutContext(
                        site: site, signedIn: signedIn, userName: Self.marker(.userName), roleName: Self.marker(.roleName),
                        csrfToken: Self.marker(.csrfToken), hasNotice: hasNotice, notice: Self.marker(.notice), language: language,
                        languageLinks: Language.allCases.enumerated().map { index, other in
                            LanguageLink(
                                tag: other.tag, name: other.nativeName, href: Self.marker(.languageHref(index)), current: other == language)
                        })
                    let page = PageRenderer.Page(
                        title: Self.marker(.title), layout: layout, content: EmptyContent(), template: Self.templateName,
                        unresolved: UnresolvedTemplateKeys())
                    guard let rendered = library.render(page, withTemplate: Self.templateName) else {
                        throw TemplateMissing(name: Self.templateName)
                    }
                    skeletons[Key(language: language, signedIn: signedIn, hasNotice: hasNotice)] = LayoutSkeleton(
                        rendered: rendered, slots: slots, marker: Self.marker)
                }
            }
        }
        self.skeletons = skeletons
    }

    func skeleton(for layout: LayoutContext) -> LayoutSkeleton? {
        skeletons[Key(language: layout.language, signedIn: layout.signedIn, hasNotice: layout.hasNotice)]
    }
}
