import ConsiliumCore
import FluentKit
import Foundation
import Mustache
import Testing

@testable import ConsiliumServer

/// Fragments are rendered once and spliced into pages; whatever they hold must come out escaped,
/// and nothing in them may be read as a Mustache tag.
@Suite("Rendered-once fragments keep every value escaped")
struct FragmentEscapingTests {
    static let hostile = #"<script>alert('x')</script> & "quoted" {{layout.csrfToken}} {{{raw}}} {{&raw}}"#
    static let escaped =
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; &#123;&#123;layout.csrfToken}} "
        + "&#123;&#123;&#123;raw}}} &#123;&#123;&amp;raw}}"

    @Test("HTML.escape covers the characters Mustache escapes, and braces")
    func escape() {
        #expect(HTML.escape(Self.hostile) == Self.escaped)
        #expect(HTML.escape("Zoë Ångström, São Tomé") == "Zoë Ångström, São Tomé")
        #expect(HTML.escape("") == "")
    }

    @Test("option lists escape values and labels, and mark only a choice that exists")
    func options() throws {
        let fragment = RenderedFragment.options([(Self.hostile, Self.hostile), ("b", "B")], selected: Self.hostile)
        #expect(fragment.html == #"<option value="\#(Self.escaped)" selected>\#(Self.escaped)</option><option value="b">B</option>"#)
        let list = OptionList([("", "Select"), ("US", "United States")])
        #expect(list.fragment(selected: Self.hostile).html == #"<option value="">Select</option><option value="US">United States</option>"#)
        #expect(list.fragment(selected: "US").html.contains(#"<option value="US" selected>"#))
        #expect(!list.fragment(selected: "").html.contains(#"<option value="US" selected>"#))
    }

    @Test("a fragment spliced through a template renders as it was made, with no tags read inside it")
    func splicedThroughTemplate() throws {
        struct Page { let fragment: RenderedFragment; let raw: String; let csrfToken: String }
        let template = try MustacheTemplate(string: "[{{fragment}}]")
        let fragment = RenderedFragment.paragraphs([Self.hostile, "second"])
        let html = template.render(Page(fragment: fragment, raw: "RAW", csrfToken: "TOKEN"))
        #expect(html == "[<p>\(Self.escaped)</p>\n<p>second</p>]")
        #expect(!html.contains("TOKEN") && !html.contains("RAW"))
    }

    @Test("a fragment rendered from a template of another language escapes its values and reads no tag in them when spliced")
    func renderedInAnotherLanguage() throws {
        struct Letter { let name: String }
        struct Page { let letter: RenderedFragment; let raw: String; let layout: Layout }
        struct Layout { let csrfToken: String }
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(string: "<p class=\"x\">Dear {{name}},</p>"), named: "letter")
        let letter = try #require(RenderedFragment.rendered("letter", content: Letter(name: Self.hostile), library: library))
        #expect(RenderedFragment.rendered("nothing", content: Letter(name: ""), library: library) == nil)
        let html = try MustacheTemplate(string: "[{{letter}}]")
            .render(Page(letter: letter, raw: "RAW", layout: Layout(csrfToken: "TOKEN")))
        #expect(html.hasPrefix(#"[<p class="x">Dear &lt;script&gt;alert("#))
        #expect(html.contains("&#123;&#123;layout.csrfToken}}"))
        #expect(!html.contains("<script>") && !html.contains("TOKEN") && !html.contains("RAW"))
    }

    @Test("agreement and terms pages and the registration's agreement step escape what the documents hold")
    func documentPages() async throws {
        let config = try TestApp.configuration(["CONSILIUM_INSTITUTION_NAME": Self.hostile])
        try await TestApp.run(config) { browser, dependencies in
            let text = String(repeating: "A paragraph about {institution} with <b>bold</b> & 'quotes'. ", count: 4)
            _ = try await AgreementCommands(dependencies).publish(kind: "agreement", text: text)
            _ = try await AgreementCommands(dependencies).publish(kind: "terms", text: text)
            let expected = "A paragraph about \(Self.escaped) with &lt;b&gt;bold&lt;/b&gt; &amp; &#39;quotes&#39;."
            for path in ["/terms", "/terms/2", "/agreement/2"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.text.contains(expected), "\(path)")
                #expect(!page.text.contains("<script>alert") && !page.text.contains("<b>bold"), "\(path)")
            }
            _ = try await RegistrationFlow.step1(browser)
            let step = try await browser.get("/register/agreement")
            #expect(step.text.contains(expected))
            #expect(!step.text.contains("<script>alert"))
            #expect(step.text.contains("version 2"))
        }
    }

    @Test("the registration's country and state lists escape what is posted back and keep the selection")
    func postedSelection() async throws {
        try await TestApp.run { browser, _ in
            try await browser.get("/register")
            let page = try await browser.post("/register", form: [("country", Self.hostile), ("state", "MA")])
            #expect(page.status == .badRequest)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains(#"<option value="MA" selected>Massachusetts</option>"#))
            #expect(!page.text.contains(" selected>Afghanistan"))
            let blank = try await browser.get("/register")
            #expect(blank.text.contains(#"<option value="">Select</option><option value="AF">Afghanistan</option>"#))
        }
    }

    @Test("a page kept for visitors without a session carries each visitor's own token, which then works")
    func keptPages() async throws {
        try await TestApp.run { browser, _ in
            for path in ["/register", "/signin", "/forgot-password", "/physicians/register", "/terms", "/questions"] {
                let first = browser.fresh()
                let second = browser.fresh()
                let one = try await first.get(path)
                let other = try await second.get(path)
                #expect(one.status == .ok && other.status == .ok, "\(path)")
                guard let token = TestBrowser.hiddenValue("_csrf", in: one.text) else {
                    // a page without a form carries no token at all
                    #expect(one.text == other.text, "\(path)")
                    #expect(first.cookies["consilium_csrf"] == nil, "\(path)")
                    continue
                }
                let otherToken = try #require(TestBrowser.hiddenValue("_csrf", in: other.text))
                #expect(token != otherToken, "\(path)")
                #expect(first.cookies["consilium_csrf"] == token, "\(path)")
                #expect(one.text.replacingOccurrences(of: token, with: "") == other.text.replacingOccurrences(of: otherToken, with: ""))
            }
            // the kept first step's token is accepted, and the visitor's draft is then theirs alone
            let visitor = browser.fresh()
            let posted = try await RegistrationFlow.step1(visitor)
            #expect(posted.location == "/register/agreement")
            #expect(try await visitor.get("/register").text.contains(#"value="Margaret""#))
            #expect(try await browser.fresh().get("/register").text.contains(#"value="Margaret""#) == false)
        }
    }

    @Test("the layout's skeleton puts every request value in escaped, and the page equals the page Mustache renders whole")
    func layoutSkeleton() async throws {
        let config = try TestApp.configuration()
        let hostile = #"<script>alert('x')</script> & "quoted" {{layout.csrfToken}} ≮ Zoë"#
        let renderer = try await PageRenderer(
            templatesDirectory: config.resourcesDirectory + "/Resources/Templates",
            site: SiteContext(institutionName: hostile, serviceName: hostile, servicePhone: "(555) 010-0199", showDevelopmentMailbox: true))
        for language in Language.allCases {
            for (signedIn, hasNotice) in [(false, false), (true, false), (false, true), (true, true)] {
                let layout = LayoutContext(
                    site: renderer.site, signedIn: signedIn, userName: hostile, roleName: hostile, csrfToken: hostile, hasNotice: hasNotice,
                    notice: hostile, language: language,
                    languageLinks: Language.allCases.map {
                        LanguageLink(
                            tag: $0.tag, name: $0.nativeName, href: LanguageChoice.switchLink(to: $0, returningTo: "/x\"><b>"),
                            current: $0 == language)
                    })
                let spliced = try renderer.html("pages/privacy", title: hostile, content: EmptyContent(), layout: layout)
                let whole = try renderer.wholeHTML(
                    PageRenderer.Page(
                        title: hostile, layout: layout, content: EmptyContent(), template: "pages/privacy", unresolved: renderer.unresolved)
                )
                #expect(spliced == whole, "\(language) signed in \(signedIn), notice \(hasNotice): \(Self.firstDifference(spliced, whole))")
                #expect(!spliced.contains("<script>") && !spliced.contains("<b>") && !spliced.contains("'x'"))
                #expect(!spliced.contains("\u{E000}"), "no marker is left in a page")
                #expect(spliced.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"))
                #expect(spliced.contains("Zoë") && spliced.contains("pages/privacy") == false)
                #expect(spliced.contains("class=\"notice\"") == hasNotice && spliced.contains("/signout") == signedIn)
            }
        }
    }

    @Test("the audit table, built in Swift, escapes every value an event or a name can carry")
    func auditRows() throws {
        let hostile = #"<img src=x onerror=alert(1)> & "q" 'a' {{layout.csrfToken}}"#
        let event = AuditEventModel()
        event.sequence = 7
        event.occurredMicros = 1_800_000_000_000_000
        event.action = hostile
        event.outcome = hostile
        event.actorRole = "coordinator"
        event.clientAddress = hostile
        event.detail = hostile
        let row = AuditSearch.Row(event: event, actorName: hostile, actorEmail: hostile, patientName: hostile, objectName: hostile)
        let html = AuditLogController.rowsHTML(
            [row],
            messages: try Messages(
                directory: TestApp.configuration().resourcesDirectory
                    + "/Resources/Messages")
        ).html
        #expect(!html.contains("<img") && !html.contains("{{") && !html.contains("'a'") && !html.contains("\"q\""))
        let escaped = "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;a&#39; &#123;&#123;layout.csrfToken}}"
        // name, email, address, action, object, detail, patient and outcome: each escaped where it stands
        #expect(html.components(separatedBy: escaped).count - 1 == 8, "\(html)")
        #expect(html.contains("<strong>" + escaped + "</strong>"), "an outcome that is not success stands out")
    }

    @Test("fragments are spliced where their markers stand, once each; text that only looks like a marker stays as it is")
    func splicing() {
        let splices = FragmentSplices()
        let first = splices.marker(for: "<b>one</b>")
        let second = splices.marker(for: "<i>two \(first)</i>")  // a fragment's own text is not read again
        let forged = "\u{E010}\(FragmentSplices.nonce)-7\u{E011}"  // no such fragment
        let truncated = "\u{E010}\(FragmentSplices.nonce)-"
        let page = "a \(first) b \(second) c \(first) é \(forged) \(truncated)"
        #expect(
            splices.splice(into: page) == "a <b>one</b> b <i>two \(first)</i> c <b>one</b> é \(forged) \(truncated)")
        #expect(FragmentSplices().splice(into: page) == page, "nothing to splice")
        #expect(first != second)
    }

    /// Where two texts part, with a little of each from there.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let common = zip(a.utf8, b.utf8).prefix { $0 == $1 }.count
        let start = max(0, common - 40)
        func around(_ text: String) -> String { String(decoding: Array(text.utf8).dropFirst(start).prefix(120), as: UTF8.self) }
        return "at byte \(common): «\(around(a))» but whole «\(around(b))»"
    }
}
