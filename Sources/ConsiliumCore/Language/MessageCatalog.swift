import Foundation

/// The words of one language: messages in Project Fluent's syntax (`.ftl`, Fluent 1.0), the
/// subset the service needs. https://projectfluent.org/fluent/guide/
///
///     # a comment
///     sign-in-title = Sign in
///     welcome = Welcome back, { $name }.
///     records-received = { $count ->
///         [one] One record received
///        *[other] { $count } records received
///     }
///     long-text =
///         A value may continue on indented lines;
///         they are joined with line breaks.
///
/// Placeholders are named (`{ $name }`), plurals are chosen by CLDR category (`[one]`, `[many]`,
/// `*[other]`, or an exact number such as `[0]`), `{ other-message }` inserts another message
/// and `{ "{" }` writes a brace. Messages are plain text: markup stays in the templates.
public struct MessageCatalog: Sendable {
    public let language: Language
    public private(set) var messages: [String: Pattern] = [:]

    /// A message's value: text and placeables in order.
    public struct Pattern: Sendable, Equatable {
        public var elements: [Element]
    }

    public enum Element: Sendable, Equatable {
        case text(String)
        case placeable(Expression)
    }

    public indirect enum Expression: Sendable, Equatable {
        case variable(String)
        case literal(String)
        case message(String)
        case select(variable: String, variants: [Variant], defaultIndex: Int)
    }

    public struct Variant: Sendable, Equatable {
        /// A CLDR category ("one", "other") or an exact number ("0").
        public var key: String
        public var value: Pattern
    }

    /// What a message's placeholder is given.
    public enum Argument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case text(String)
        case number(Int)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(integerLiteral value: Int) { self = .number(value) }
    }

    /// A mistake in a catalog file, with its line.
    public struct SyntaxError: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// A message asked for that the catalog lacks, or an argument it needs that was not given.
    public struct MissingText: Error, CustomStringConvertible {
        public let description: String
    }

    public init(language: Language, source: String) throws {
        self.language = language
        var lines = source.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        lines.append("")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "="), !line.first!.isWhitespace else {
                throw SyntaxError(line: number, message: "expected “identifier = value”")
            }
            let id = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard Self.isIdentifier(id) else { throw SyntaxError(line: number, message: "“\(id)” is not a message identifier") }
            guard messages[id] == nil else { throw SyntaxError(line: number, message: "“\(id)” is defined twice") }
            // the value: the rest of the line, then every indented line (blank lines between them
            // too), and any line while a placeable is still open (its "}" may start a line)
            var body = [String(line[line.index(after: equals)...])]
            var open = Self.openBraces(body[0])
            var lookahead = index
            while lookahead < lines.count {
                let next = lines[lookahead]
                if next.trimmingCharacters(in: .whitespaces).isEmpty {
                    lookahead += 1
                    continue
                }
                guard next.first!.isWhitespace || open > 0 else { break }
                body += lines[index...lookahead].map { $0 }
                open += Self.openBraces(next)
                lookahead += 1
                index = lookahead
            }
            do {
                messages[id] = try Self.pattern(Self.dedent(body))
            } catch let error as PatternError {
                throw SyntaxError(line: number, message: "in “\(id)”: \(error.message)")
            }
        }
    }

    // MARK: formatting

    /// The message `id` with `arguments` in its placeholders.
    public func format(_ id: String, _ arguments: [String: Argument] = [:]) throws -> String {
        guard let pattern = messages[id] else { throw MissingText(description: "no message “\(id)” in \(language.rawValue)") }
        return try format(pattern, arguments, depth: 0)
    }

    private func format(_ pattern: Pattern, _ arguments: [String: Argument], depth: Int) throws -> String {
        guard depth < 8 else { throw MissingText(description: "messages refer to each other in a loop") }
        var result = ""
        for element in pattern.elements {
            switch element {
            case .text(let text): result += text
            case .placeable(.literal(let text)): result += text
            case .placeable(.variable(let name)):
                switch arguments[name] {
                case .text(let text): result += text
                case .number(let number): result += number.formatted(.number.locale(language.locale))
                case nil: throw MissingText(description: "no value for “$\(name)” in \(language.rawValue)")
                }
            case .placeable(.message(let id)):
                guard let other = messages[id] else { throw MissingText(description: "no message “\(id)” in \(language.rawValue)") }
                result += try format(other, arguments, depth: depth + 1)
            case .placeable(.select(let name, let variants, let defaultIndex)):
                result += try format(choose(variants, defaultIndex, for: arguments[name]), arguments, depth: depth + 1)
            }
        }
        return result
    }

    /// The variant for a value: an exact number first, then the number's plural category, then
    /// a text value's own key; otherwise the default.
    private func choose(_ variants: [Variant], _ defaultIndex: Int, for argument: Argument?) -> Pattern {
        switch argument {
        case .number(let number):
            if let exact = variants.first(where: { Int($0.key) == number }) { return exact.value }
            let category = PluralRules.category(of: number, in: language).rawValue
            if let plural = variants.first(where: { $0.key == category }) { return plural.value }
        case .text(let text):
            if let match = variants.first(where: { $0.key == text }) { return match.value }
        case nil:
            break
        }
        return variants[defaultIndex].value
    }

    // MARK: what a message needs

    /// The placeholders a message uses (`$name`), through selections and referenced messages.
    public func variables(of id: String) -> Set<String> {
        var seen: Set<String> = []
        return variables(of: id, seen: &seen)
    }

    private func variables(of id: String, seen: inout Set<String>) -> Set<String> {
        guard let pattern = messages[id], seen.insert(id).inserted else { return [] }
        return variables(in: pattern, seen: &seen)
    }

    private func variables(in pattern: Pattern, seen: inout Set<String>) -> Set<String> {
        var names: Set<String> = []
        for case .placeable(let expression) in pattern.elements {
            switch expression {
            case .variable(let name): names.insert(name)
            case .literal: break
            case .message(let id): names.formUnion(variables(of: id, seen: &seen))
            case .select(let name, let variants, _):
                names.insert(name)
                for variant in variants { names.formUnion(variables(in: variant.value, seen: &seen)) }
            }
        }
        return names
    }

    /// The categories a language's plural selections must offer (besides exact numbers).
    public static func pluralCategories(of language: Language) -> Set<String> {
        switch language {
        case .english: ["one", "other"]
        case .spanish: ["one", "many", "other"]
        }
    }

    /// Selections on a number that lack one of the language's CLDR categories, as
    /// "message-id: missing many".
    public func incompletePlurals() -> [String] {
        let categories = Self.pluralCategories(of: language)
        var problems: [String] = []
        func check(_ pattern: Pattern, _ id: String) {
            for case .placeable(.select(_, let variants, _)) in pattern.elements {
                let keys = Set(variants.map(\.key))
                if !keys.isDisjoint(with: PluralCategory.allCases.map(\.rawValue)) {
                    for missing in categories.subtracting(keys).sorted() { problems.append("\(id): missing \(missing)") }
                }
                for variant in variants { check(variant.value, id) }
            }
        }
        for (id, pattern) in messages.sorted(by: { $0.key < $1.key }) { check(pattern, id) }
        return problems
    }

    // MARK: parsing

    struct PatternError: Error { let message: String }

    /// How many more "{" than "}" `line` has, outside string literals.
    static func openBraces(_ line: String) -> Int {
        var count = 0
        forEachBrace(in: line, from: line.startIndex) { _, brace in
            count += brace == "{" ? 1 : -1
            return true
        }
        return count
    }

    /// Calls `visit` with each "{" and "}" of `text` from `start` that is not inside a string
    /// literal ("…", with \" and \\ escapes), until it returns false.
    static func forEachBrace(in text: String, from start: String.Index, _ visit: (String.Index, Character) -> Bool) {
        var inString = false
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if inString {
                if character == "\\" {
                    index = text.index(after: index)
                    if index == text.endIndex { return }
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "{" || character == "}" {
                guard visit(index, character) else { return }
            }
            index = text.index(after: index)
        }
    }

    /// Fluent's identifiers: a letter, then letters, digits, "-" and "_".
    static func isIdentifier(_ text: some StringProtocol) -> Bool {
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let first = text.unicodeScalars.first, isLetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// The value's lines as one text: the first line's text, then the continuation lines less
    /// their common indentation, joined by line breaks; blank lines at either end dropped.
    static func dedent(_ lines: [String]) -> String {
        let first = lines[0].trimmingCharacters(in: .whitespaces)
        let rest = Array(lines.dropFirst())
        let indent =
            rest.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        var joined = (first.isEmpty ? [] : [first]) + rest.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }
        while joined.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { joined.removeLast() }
        while joined.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { joined.removeFirst() }
        return joined.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    /// Text and placeables, in order.
    static func pattern(_ text: String) throws -> Pattern {
        var elements: [Element] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "}" { throw PatternError(message: "a “}” with no “{” before it (write { \"}\" })") }
            guard character == "{" else {
                literal.append(character)
                index = text.index(after: index)
                continue
            }
            let close = try matchingBrace(in: text, from: index)
            if !literal.isEmpty { elements.append(.text(literal)) }
            literal = ""
            elements.append(.placeable(try expression(String(text[text.index(after: index)..<close]))))
            index = text.index(after: close)
        }
        if !literal.isEmpty { elements.append(.text(literal)) }
        return Pattern(elements: elements)
    }

    /// The "}" that closes the "{" at `open`, past nested placeables and string literals.
    static func matchingBrace(in text: String, from open: String.Index) throws -> String.Index {
        var depth = 0
        var close: String.Index?
        forEachBrace(in: text, from: open) { index, brace in
            depth += brace == "{" ? 1 : -1
            if depth == 0 { close = index }
            return close == nil
        }
        guard let close else { throw PatternError(message: "a “{” that is never closed") }
        return close
    }

    static func expression(_ source: String) throws -> Expression {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if let arrow = trimmed.range(of: "->") {
            let selector = trimmed[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
            guard selector.hasPrefix("$"), isIdentifier(selector.dropFirst()) else {
                throw PatternError(message: "a selection must be on a $variable, not “\(selector)”")
            }
            let (variants, defaultIndex) = try self.variants(String(trimmed[arrow.upperBound...]))
            return .select(variable: String(selector.dropFirst()), variants: variants, defaultIndex: defaultIndex)
        }
        if trimmed.hasPrefix("\""), trimmed.hasSuffix("\""), trimmed.count >= 2 {
            return .literal(try unescape(String(trimmed.dropFirst().dropLast())))
        }
        if trimmed.hasPrefix("$"), isIdentifier(trimmed.dropFirst()) { return .variable(String(trimmed.dropFirst())) }
        if isIdentifier(trimmed) { return .message(trimmed) }
        throw PatternError(message: "“{ \(trimmed) }” is not a placeable this catalog understands")
    }

    /// `[key] value` lines, one of them marked default with `*`.
    static func variants(_ source: String) throws -> ([Variant], Int) {
        var variants: [Variant] = []
        var defaultIndex: Int?
        var current: (key: String, isDefault: Bool, lines: [String])?
        func finish() throws {
            guard let current else { return }
            if current.isDefault {
                guard defaultIndex == nil else { throw PatternError(message: "two default variants") }
                defaultIndex = variants.count
            }
            variants.append(Variant(key: current.key, value: try pattern(dedent(current.lines))))
        }
        for line in source.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let isDefault = trimmed.hasPrefix("*[")
            if isDefault || trimmed.hasPrefix("[") {
                let start = trimmed.index(trimmed.startIndex, offsetBy: isDefault ? 2 : 1)
                guard let end = trimmed[start...].firstIndex(of: "]") else { throw PatternError(message: "a variant key without “]”") }
                let key = trimmed[start..<end].trimmingCharacters(in: .whitespaces)
                guard isIdentifier(key) || Int(key) != nil else { throw PatternError(message: "“[\(key)]” is not a variant key") }
                try finish()
                current = (key, isDefault, [String(trimmed[trimmed.index(after: end)...])])
            } else if current != nil {
                current!.lines.append(line)
            } else if !trimmed.isEmpty {
                throw PatternError(message: "text before the first variant")
            }
        }
        try finish()
        guard let defaultIndex else { throw PatternError(message: "a selection needs a default variant, marked *[…]") }
        return (variants, defaultIndex)
    }

    static func unescape(_ text: String) throws -> String {
        var result = ""
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            guard character == "\\" else {
                result.append(character)
                continue
            }
            switch iterator.next() {
            case "\\": result.append("\\")
            case "\"": result.append("\"")
            case "u":
                let digits = String((0..<4).compactMap { _ in iterator.next() })
                guard digits.count == 4, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw PatternError(message: "a \\u escape needs four hex digits")
                }
                result.unicodeScalars.append(scalar)
            default: throw PatternError(message: "unknown escape in a string literal")
            }
        }
        return result
    }
}
