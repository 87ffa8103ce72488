import RoadmapMarkdown

/// Renders Markdown nodes as HTML for a roadmap page.
///
/// Headings get their anchors and a visible anchor link; list items that are topics or projects
/// get theirs; every link goes through the ``LinkResolver``; raw HTML keeps only what the
/// ``HTMLSanitizer`` allows: what Markdown could say (text, lists, tables, links, images)
/// unless the site opts in to raw HTML, and then GitHub's README allowlist. What a
/// link's destination turns out to be, and what the sanitizer removes, was reported before
/// rendering (``MarkdownLinkCheck``), so rendering reports nothing.
struct HTMLRenderer {
    /// The roadmap's file, as the sanitizer names it.
    var file: String
    var itemAnchors: [SourceLocation: String]
    /// Anchors of headings inside list items and block quotes, keyed by position.
    var containedHeadingAnchors: [SourceLocation: String] = [:]
    var resolver: LinkResolver
    /// Anchors of headings, list items and table rows whose progress a learner can track
    /// (``Roadmap/trackable``).
    var trackedAnchors: Set<String> = []
    /// Anchors of list items that are not tracked as learning items (skills), keyed by position.
    var skillAnchors: [SourceLocation: String] = [:]
    /// The page's additions after links, at the end of list items, after headings and after
    /// sections, rendered where they are placed by `partials` (set with them).
    var decorations = PageDecorations()
    var partials: TemplateSet.Partials?
    /// The interface text the renderer writes itself (the anchor links' names, the task-list
    /// boxes', the footnotes' back links), in the site's language.
    var strings = InterfaceStrings.english {
        didSet { rawHTML.imageText = strings.text("roadmap.image") }
    }
    private var footnoteNumbers: [String: Int] = [:]
    private var footnoteUses: [Int: Int] = [:]
    /// How many links the node being rendered is inside (links cannot nest in HTML).
    private var insideLink = 0
    /// The page's raw HTML, kept as far as the site allows.
    private var rawHTML: HTMLSanitizer

    init(file: String, allowRawHTML: Bool, itemAnchors: [SourceLocation: String], resolver: LinkResolver) {
        self.file = file
        self.itemAnchors = itemAnchors
        self.resolver = resolver
        rawHTML = HTMLSanitizer(file: file, reservedIDs: Self.pageIDs, publishesRawHTML: allowRawHTML)
    }

    /// The ids of the page around the Markdown, which raw HTML may not take.
    static let pageIDs = Set(RoadmapBuilder.pageIDs)

    /// The page is written as UTF-8 bytes: it is many short pieces, and appending one to a byte
    /// array costs about a third of appending it to a String (see HTMLBytes).
    mutating func render(_ nodes: [MarkdownNode], into out: inout [UInt8]) {
        renderSiblings(nodes, into: &out, tightList: false)
    }

    /// A remote image, Markdown's or raw HTML's, never loaded: a request would leave the site.
    /// It becomes a link to the image with its alt text (the caller gives a text when it has
    /// none), or, inside a link (links cannot nest), the alt text alone.
    static func appendRemoteImage(_ url: String, alt: String, insideLink: Bool, to out: inout [UInt8]) {
        if insideLink {
            out.append("<span class=\"remote-image\">")
        } else {
            out.append("<a class=\"remote-image\" href=\"")
            out.append(escaping: url)
            out.append("\">")
        }
        out.append(escaping: alt)
        out.append(insideLink ? "</span>" : "</a>")
    }

    /// A section: its heading, its blocks and its sub-sections. A phase or a module is a
    /// `<section>` of that class, so the two read apart at a glance; a module's content is in a
    /// `module-body` that the page's script folds and unfolds (all of it shows without scripts).
    mutating func renderSection(_ section: Section, into out: inout [UInt8]) {
        switch section.role {
        case .phase: out.append("<section class=\"phase\">\n")
        case .module: out.append("<section class=\"module\">\n")
        case .section: break
        }
        renderHeadingElement(section.heading, into: &out)
        if section.role == .module { out.append("<div class=\"module-body\">\n") }
        append(decorations.afterHeading[section.id], into: &out)
        render(section.blocks, into: &out)
        for child in section.children { renderSection(child, into: &out) }
        append(decorations.sectionEnd[section.id], into: &out)
        if section.role == .module { out.append("</div>\n") }
        if section.role != .section { out.append("</section>\n") }
    }

    /// A heading with its anchor and anchor link.
    private mutating func renderHeadingElement(_ heading: Heading, into out: inout [UInt8]) {
        let level = min(max(heading.level, 1), 6)
        out.append("<h")
        out.append(decimal: level)
        appendTrackedID(heading.id, into: &out)
        out.append(">")
        renderInlines(heading.node.children, into: &out)
        appendAnchorLink(heading.id, into: &out)
        out.append("</h")
        out.append(decimal: level)
        out.append(">\n")
    }

    /// A heading's visible link to its own anchor.
    private func appendAnchorLink(_ anchor: String, into out: inout [UInt8]) {
        out.append(" <a class=\"anchor\" href=\"#")
        out.append(escaping: anchor)
        out.append("\" aria-label=\"")
        out.append(escaping: strings.text("roadmap.anchor-link"))
        out.append("\">#</a>")
    }

    /// ` id="…"` for an anchored item or row, with ` data-track="…"` when a learner can mark it.
    private func appendTrackedID(_ anchor: String, into out: inout [UInt8]) {
        out.append(" id=\"")
        out.append(escaping: anchor)
        out.append("\"")
        if trackedAnchors.contains(anchor) {
            out.append(" data-track=\"")
            out.append(escaping: anchor)
            out.append("\"")
        }
    }

    /// Appends the additions at one place of the page, each rendered by its partial.
    func append(_ additions: [PageDecoration]?, into out: inout [UInt8]) {
        guard let additions, let partials else { return }
        for addition in additions { out.append(utf8: addition.rendered(with: partials)) }
    }

    /// Inline content only, for headings and titles.
    mutating func renderInlines(_ nodes: [MarkdownNode], into out: inout [UInt8]) {
        renderSiblings(nodes, into: &out, tightList: false)
    }

    private mutating func renderChildren(_ node: MarkdownNode, into out: inout [UInt8], tightList: Bool) {
        renderSiblings(node.children, into: &out, tightList: tightList)
    }

    /// The contents of one Markdown container: raw HTML opened among them is closed after them
    /// (see ``HTMLSanitizer``).
    private mutating func renderSiblings(_ nodes: [MarkdownNode], into out: inout [UInt8], tightList: Bool) {
        let scope = rawHTML.enterScope()
        for node in nodes { render(node, into: &out, tightList: tightList) }
        rawHTML.leaveScope(scope, into: &out)
    }

    private mutating func render(_ node: MarkdownNode, into out: inout [UInt8], tightList: Bool) {
        switch node.kind {
        case .document:
            renderChildren(node, into: &out, tightList: false)
        case .paragraph:
            if tightList {
                renderChildren(node, into: &out, tightList: false)
            } else {
                out.append("<p>")
                renderChildren(node, into: &out, tightList: false)
                out.append("</p>\n")
            }
        case .heading(let level):
            // A heading inside a list item or block quote: its anchor, as on GitHub.
            let anchor = containedHeadingAnchors[node.range.start]
            out.append("<h")
            out.append(decimal: min(max(level, 1), 6))
            if let anchor {
                out.append(" id=\"")
                out.append(escaping: anchor)
                out.append("\"")
            }
            out.append(">")
            renderChildren(node, into: &out, tightList: false)
            if let anchor { appendAnchorLink(anchor, into: &out) }
            out.append("</h")
            out.append(decimal: min(max(level, 1), 6))
            out.append(">\n")
        case .blockQuote:
            out.append("<blockquote>\n")
            renderChildren(node, into: &out, tightList: false)
            out.append("</blockquote>\n")
        case .list(let ordered, let start, let tight):
            out.append(ordered ? "<ol" : "<ul")
            if ordered, start != 1 {
                out.append(" start=\"")
                out.append(decimal: start)
                out.append("\"")
            }
            if node.children.contains(where: { if case .item(task: .some) = $0.kind { true } else { false } }) {
                out.append(" class=\"task-list\"")
            }
            out.append(">\n")
            for item in node.children { render(item, into: &out, tightList: tight) }
            out.append(ordered ? "</ol>\n" : "</ul>\n")
        case .item(let task):
            out.append("<li")
            if let anchor = itemAnchors[node.range.start] {
                appendTrackedID(anchor, into: &out)
            } else if let anchor = skillAnchors[node.range.start] {
                out.append(" id=\"")
                out.append(escaping: anchor)
                out.append("\"")
            }
            if task != nil { out.append(" class=\"task-list-item\"") }
            out.append(">")
            if let task {
                out.append(task ? "<input type=\"checkbox\" disabled checked aria-label=\"" : "<input type=\"checkbox\" disabled aria-label=\"")
                out.append(escaping: strings.text(task ? "roadmap.task-done" : "roadmap.task-not-done"))
                out.append("\"> ")
            }
            renderChildren(node, into: &out, tightList: tightList)
            append(decorations.itemEnd[node.range.start], into: &out)
            out.append("</li>\n")
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            out.append("<pre><code")
            if !language.isEmpty {
                out.append(" class=\"language-")
                out.append(escaping: language)
                out.append("\"")
            }
            out.append(">")
            out.append(escaping: literal)
            out.append("</code></pre>\n")
        case .htmlBlock(let html):
            renderRawHTML(html, node, asBlock: true, into: &out)
        case .thematicBreak:
            out.append("<hr>\n")
        case .footnoteDefinition(let label):
            let number = footnoteNumber(label)
            out.append("<div class=\"footnote\" id=\"fn-")
            out.append(decimal: number)
            out.append("\"><span class=\"footnote-label\">")
            out.append(decimal: number)
            out.append(".</span> ")
            renderChildren(node, into: &out, tightList: true)
            out.append(" <a href=\"#fnref-")
            out.append(decimal: number)
            out.append("\" class=\"footnote-back\" aria-label=\"")
            out.append(escaping: strings.text("roadmap.footnote-back", ["number": String(number)]))
            out.append("\">↩</a></div>\n")
        case .table(let alignments):
            out.append("<div class=\"table-wrap\"><table>\n")
            var inBody = false
            for row in node.children {
                let isHeader: Bool
                if case .tableRow(let header) = row.kind { isHeader = header } else { isHeader = false }
                if isHeader {
                    out.append("<thead>\n")
                } else if !inBody {
                    out.append("<tbody>\n")
                    inBody = true
                }
                out.append("<tr>")
                // A row of a schedule is a module: its first cell carries the anchor and the progress control.
                var rowAnchor = isHeader ? nil : itemAnchors[row.range.start]
                for (index, cell) in row.children.enumerated() {
                    out.append(isHeader ? "<th" : "<td")
                    if let anchor = rowAnchor {
                        appendTrackedID(anchor, into: &out)
                        rowAnchor = nil
                    }
                    if index < alignments.count, alignments[index] != .none {
                        out.append(" class=\"align-")
                        out.append(utf8: alignments[index].rawValue)
                        out.append("\"")
                    }
                    out.append(">")
                    renderChildren(cell, into: &out, tightList: false)
                    out.append(isHeader ? "</th>" : "</td>")
                }
                out.append("</tr>\n")
                if isHeader { out.append("</thead>\n") }
            }
            if inBody { out.append("</tbody>\n") }
            out.append("</table></div>\n")
        case .tableRow, .tableCell:
            renderChildren(node, into: &out, tightList: false)
        case .text(let text):
            out.append(escaping: text)
        case .softBreak:
            out.append("\n")
        case .lineBreak:
            out.append("<br>\n")
        case .code(let code):
            out.append("<code>")
            out.append(escaping: code)
            out.append("</code>")
        case .htmlInline(let html):
            renderRawHTML(html, node, into: &out)
        case .emphasis:
            out.append("<em>")
            renderChildren(node, into: &out, tightList: false)
            out.append("</em>")
        case .strong:
            out.append("<strong>")
            renderChildren(node, into: &out, tightList: false)
            out.append("</strong>")
        case .strikethrough:
            out.append("<del>")
            renderChildren(node, into: &out, tightList: false)
            out.append("</del>")
        case .link(let destination, let title):
            switch resolver.resolve(destination).href {
            case .some(let href):
                out.append("<a href=\"")
                out.append(escaping: href)
                out.append("\"")
                if !title.isEmpty {
                    out.append(" title=\"")
                    out.append(escaping: title)
                    out.append("\"")
                }
                out.append(">")
                insideLink += 1
                renderChildren(node, into: &out, tightList: false)
                insideLink -= 1
                out.append("</a>")
            case .none:
                renderChildren(node, into: &out, tightList: false)
            }
            append(decorations.afterLink[node.range.start], into: &out)
        case .image(let source, let title):
            let alt = node.plainText
            guard let src = resolver.resolve(source).href else {
                out.append(escaping: alt)
                return
            }
            if LinkResolver.scheme(of: src) != nil {
                Self.appendRemoteImage(src, alt: alt.isEmpty ? strings.text("roadmap.image") : alt, insideLink: insideLink > 0, to: &out)
            } else {
                out.append("<img src=\"")
                out.append(escaping: src)
                out.append("\" alt=\"")
                out.append(escaping: alt)
                out.append("\"")
                if !title.isEmpty {
                    out.append(" title=\"")
                    out.append(escaping: title)
                    out.append("\"")
                }
                out.append(" loading=\"lazy\">")
            }
        case .footnoteReference(let label):
            let number = footnoteNumber(label)
            let uses = (footnoteUses[number] ?? 0) + 1
            footnoteUses[number] = uses
            out.append("<sup class=\"footnote-ref\"><a href=\"#fn-")
            out.append(decimal: number)
            out.append("\" id=\"fnref-")
            out.append(decimal: number)
            if uses != 1 {
                out.append("-")
                out.append(decimal: uses)
            }
            out.append("\">")
            out.append(decimal: number)
            out.append("</a></sup>")
        case .unknown:
            renderChildren(node, into: &out, tightList: tightList)
        }
    }

    /// cmark-gfm numbers footnotes in order of first reference; the wrapper labels definitions the same way.
    private mutating func footnoteNumber(_ label: String) -> Int {
        if let number = Int(label) { return number }
        if let number = footnoteNumbers[label] { return number }
        let number = footnoteNumbers.count + 1
        footnoteNumbers[label] = number
        return number
    }

    // MARK: - Raw HTML

    /// What the sanitizer keeps of a raw HTML node, its links resolved as Markdown links are.
    ///
    /// Pass 1 (``MarkdownLinkCheck``) sanitized the node already, for its diagnostics, which are
    /// dropped here. Its output is not carried over: what is kept depends on where the node is
    /// rendered (inside a link or not, and which elements raw HTML left open in the enclosing
    /// Markdown containers), which the renderer tracks as it goes, and a model pass 1 did not
    /// keep is built again.
    private mutating func renderRawHTML(_ html: String, _ node: MarkdownNode, asBlock: Bool = false, into out: inout [UInt8]) {
        let resolver = resolver
        var kept: [UInt8] = []
        let openBefore = rawHTML.openElementCount
        let piece = rawHTML.sanitize(
            html, at: node.range.start, insideLink: insideLink > 0, resolve: { resolver.resolve($0).href }, into: &kept)
        _ = rawHTML.takeDiagnostics()
        // Where raw HTML is not published, a block that kept only text and inline elements, all
        // closed, reads as a paragraph (`<center>Note</center>` without its tags, `<b>Note</b>`).
        let isParagraph = asBlock && !rawHTML.publishesRawHTML && rawHTML.openElementCount == openBefore
            && piece.hasText && !piece.hasBlock
        if isParagraph { out.append("<p>") }
        htmlAnchor(node, unlessKept: piece.ids, into: &out)
        out += isParagraph ? Array(String(decoding: kept, as: UTF8.self).trimmingWhitespace().utf8) : kept
        if isParagraph { out.append("</p>\n") }
    }

    /// An empty `<a id>` for an anchor raw HTML defines (`<a name="top"></a>`), unless the kept
    /// HTML carries the id itself.
    private func htmlAnchor(_ node: MarkdownNode, unlessKept keptIDs: [String] = [], into out: inout [UInt8]) {
        guard let anchor = itemAnchors[node.range.start], !keptIDs.contains(anchor) else { return }
        out.append("<a id=\"")
        out.append(escaping: anchor)
        out.append("\"></a>")
    }
}
