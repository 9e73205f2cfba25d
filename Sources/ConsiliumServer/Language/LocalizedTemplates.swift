import ConsiliumCore
import Foundation
import Mustache

/// Templates are written once, with markers where words go, and made into one Mustache
/// library per language when the service starts, so a page in Spanish costs no more to render
/// than one in English.
///
/// A marker names a message of the catalog and, for each of its placeholders, where the value
/// comes from: a Mustache name (`{{t footer-service-of service=layout.site.serviceName}}`,
/// the value escaped like any other) or a partial template (`phone=>phone-link`, for a link
/// inside a sentence). The message's text is escaped as it is put in. A message that chooses
/// its words by a number (a plural) cannot be settled here: the page's context formats it.
enum LocalizedTemplates {
    /// `{{t message-id name=path name=>partial ...}}`
    static var marker: Regex<(Substring, Substring, Substring)> {
        /\{\{t\s+([a-zA-Z][a-zA-Z0-9_-]*)((?:\s+[a-zA-Z][a-zA-Z0-9_]*=>?[a-zA-Z0-9_.\/-]+)*)\s*\}\}/
    }

    struct MarkerError: Error, CustomStringConvertible {
        let template: String
        let description: String
    }

    /// Every `.mustache` file under `directory`, by name as `MustacheLibrary` names them
    /// ("accounts/signin"), with its text.
    static func sources(in directory: String) throws -> [String: String] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [:] }
        var sources: [String: String] = [:]
        for case let file as URL in files where file.pathExtension == "mustache" {
            let relative = file.standardizedFileURL.path.dropFirst(root.path.count + 1)
            sources[String(relative.dropLast(".mustache".count))] = try String(contentsOf: file, encoding: .utf8)
        }
        return sources
    }

    /// One library per language. With `layout`, that text stands for the layout template.
    static func libraries(directory: String, messages: Messages, layout: String? = nil) throws -> [Language: MustacheLibrary] {
        try libraries(sources: try sources(in: directory), messages: messages, layout: layout)
    }

    /// The same, from sources already read (`sources(in:)`).
    static func libraries(sources: [String: String], messages: Messages, layout: String? = nil) throws -> [Language: MustacheLibrary] {
        var sources = sources
        if let layout { sources["layout"] = layout }
        sources[LayoutSkeletons.templateName] = LayoutSkeletons.template(mainMarker: LayoutSkeletons.marker(.main))
        var libraries: [Language: MustacheLibrary] = [:]
        for language in Language.allCases {
            var library = MustacheLibrary()
            for (name, source) in sources {
                try library.register(try expand(source, template: name, catalog: messages.catalog(language)), named: name)
            }
            libraries[language] = library
        }
        return libraries
    }

    /// The layout's line that holds the page's own part (`{{$main}}{{/main}}`), indentation and
    /// line end included: as the whole layout for the pages' own parts, Mustache indents them as
    /// it does inside the layout (see `LayoutSkeleton`).
    static func mainLine(in sources: [String: String]) -> String {
        let layout = sources["layout"] ?? ""
        guard let tag = layout.range(of: "{{$main}}") else { return "{{$main}}{{/main}}" }
        let start = layout[..<tag.lowerBound].lastIndex(of: "\n").map { layout.index(after: $0) } ?? layout.startIndex
        let end = layout[tag.upperBound...].firstIndex(of: "\n").map { layout.index(after: $0) } ?? layout.endIndex
        return String(layout[start..<end])
    }

    /// The names of the templates that are whole pages (inside the layout).
    static func pageNames(in sources: [String: String]) -> Set<String> {
        Set(sources.filter { $0.value.contains("{{<layout}}") }.keys)
    }

    /// `source` with every marker replaced by its message in `catalog`.
    static func expand(_ source: String, template: String, catalog: MessageCatalog) throws -> String {
        var failure: MarkerError?
        let expanded = source.replacing(marker) { match in
            do {
                return try text(of: String(match.output.1), bindings: String(match.output.2), catalog: catalog, template: template)
            } catch let error as MarkerError {
                failure = failure ?? error
            } catch {
                failure = failure ?? MarkerError(template: template, description: "\(error)")
            }
            return ""
        }
        if let failure { throw failure }
        return expanded
    }

    static func text(of id: String, bindings: String, catalog: MessageCatalog, template: String) throws -> String {
        guard let pattern = catalog.messages[id] else {
            throw MarkerError(template: template, description: "\(template): no message “\(id)” in \(catalog.language.tag).ftl")
        }
        var values: [String: String] = [:]
        for binding in bindings.split(separator: " ", omittingEmptySubsequences: true) {
            let parts = binding.split(separator: "=", maxSplits: 1)
            values[String(parts[0])] = "{{" + parts[1] + "}}"  // a name, or ">partial"
        }
        let needed = catalog.variables(of: id)
        let given = Set(values.keys)
        guard needed == given else {
            throw MarkerError(
                template: template,
                description:
                    "\(template): “\(id)” in \(catalog.language.tag) needs \(needed.sorted()) but the marker gives \(given.sorted())")
        }
        return try html(pattern, values: values, catalog: catalog, id: id, template: template, depth: 0)
    }

    private static func html(
        _ pattern: MessageCatalog.Pattern, values: [String: String], catalog: MessageCatalog, id: String, template: String, depth: Int
    ) throws -> String {
        var result = ""
        for element in pattern.elements {
            switch element {
            case .text(let text), .placeable(.literal(let text)):
                result += HTML.escape(text)
            case .placeable(.variable(let name)):
                result += values[name]!
            case .placeable(.message(let other)):
                guard let referenced = catalog.messages[other], depth < 8 else {
                    throw MarkerError(template: template, description: "\(template): “\(id)” refers to a missing message “\(other)”")
                }
                result += try html(referenced, values: values, catalog: catalog, id: id, template: template, depth: depth + 1)
            case .placeable(.select):
                throw MarkerError(
                    template: template,
                    description: "\(template): “\(id)” chooses its words by a value; format it in the page's context instead")
            }
        }
        return result
    }
}
