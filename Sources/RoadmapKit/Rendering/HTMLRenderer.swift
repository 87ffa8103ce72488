import RoadmapMarkdown

/// Renders Markdown nodes as HTML for a roadmap page.
///
/// Headings get their anchors and a visible anchor link; list items that are topics or projects
/// get theirs; every link goes through the ``LinkResolver``; raw HTML is dropped (its text kept)
/// unless the site opts in, and then GFM's tag filter still applies. Problems are collected as
/// diagnostics at the Markdown position.
struct HTMLRenderer {
    var file: String
    var allowRawHTML: Bool
    var itemAnchors: [SourceLocation: String]
    var resolver: LinkResolver
    /// Extra HTML placed at the end of a heading's line, keyed by anchor (duration badges and the like).
    var headingExtras: [String: String] = [:]
    /// Anchors of headings whose progress a learner can track.
    var trackedAnchors: Set<String> = []
    /// Enrichment HTML after links, at the end of list items and after headings.
    var decorations = PageDecorations()
    private(set) var diagnostics: [Diagnostic] = []
    /// Links to other pages' anchors, checked once every page is built.
    private(set) var pendingAnchorChecks: [PendingAnchorCheck] = []
    private var footnoteNumbers: [String: Int] = [:]
    private var footnoteUses: [Int: Int] = [:]
    /// How many links the node being rendered is inside (links cannot nest in HTML).
    private var insideLink = 0

    init(file: String, allowRawHTML: Bool, itemAnchors: [SourceLocation: String], resolver: LinkResolver) {
        self.file = file
        self.allowRawHTML = allowRawHTML
        self.itemAnchors = itemAnchors
        self.resolver = resolver
    }

    mutating func render(_ nodes: [MarkdownNode]) -> String {
        var out = ""
        out.reserveCapacity(nodes.count * 128)
        for node in nodes { render(node, into: &out, tightList: false) }
        return out
    }

    /// A heading with its anchor and anchor link.
    mutating func renderHeading(_ heading: Heading, into out: inout String) {
        let level = min(max(heading.level, 1), 6)
        out += "<h\(level) id=\""
        HTMLEscaping.escape(heading.id, into: &out)
        out += "\""
        if trackedAnchors.contains(heading.id) { out += " data-track=\"\(HTMLEscaping.escape(heading.id))\"" }
        out += ">"
        renderInlines(heading.node.children, into: &out)
        if let extra = headingExtras[heading.id] { out += extra }
        out += " <a class=\"anchor\" href=\"#"
        HTMLEscaping.escape(heading.id, into: &out)
        out += "\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
        if let extra = decorations.afterHeading[heading.id] { out += extra }
    }

    /// Inline content only, for headings and titles.
    mutating func renderInlines(_ nodes: [MarkdownNode], into out: inout String) {
        for node in nodes { render(node, into: &out, tightList: false) }
    }

    private mutating func renderChildren(_ node: MarkdownNode, into out: inout String, tightList: Bool) {
        for child in node.children { render(child, into: &out, tightList: tightList) }
    }

    private mutating func render(_ node: MarkdownNode, into out: inout String, tightList: Bool) {
        switch node.kind {
        case .document:
            renderChildren(node, into: &out, tightList: false)
        case .paragraph:
            if tightList {
                renderChildren(node, into: &out, tightList: false)
            } else {
                out += "<p>"
                renderChildren(node, into: &out, tightList: false)
                out += "</p>\n"
            }
        case .heading(let level):
            // Headings inside containers (block quotes, list items) have no anchor of their own.
            out += "<h\(min(max(level, 1), 6))>"
            renderChildren(node, into: &out, tightList: false)
            out += "</h\(min(max(level, 1), 6))>\n"
        case .blockQuote:
            out += "<blockquote>\n"
            renderChildren(node, into: &out, tightList: false)
            out += "</blockquote>\n"
        case .list(let ordered, let start, let tight):
            let tag = ordered ? "ol" : "ul"
            out += "<\(tag)"
            if ordered, start != 1 { out += " start=\"\(start)\"" }
            if node.children.contains(where: { if case .item(task: .some) = $0.kind { true } else { false } }) {
                out += " class=\"task-list\""
            }
            out += ">\n"
            for item in node.children { render(item, into: &out, tightList: tight) }
            out += "</\(tag)>\n"
        case .item(let task):
            out += "<li"
            if let anchor = itemAnchors[node.range.start] {
                out += " id=\""
                HTMLEscaping.escape(anchor, into: &out)
                out += "\" data-track=\""
                HTMLEscaping.escape(anchor, into: &out)
                out += "\""
            } else if let anchor = decorations.itemIDs[node.range.start] {
                out += " id=\"\(HTMLEscaping.escape(anchor))\""
            }
            if task != nil { out += " class=\"task-list-item\"" }
            out += ">"
            if let task {
                out += task ? "<input type=\"checkbox\" disabled checked aria-label=\"done\"> "
                    : "<input type=\"checkbox\" disabled aria-label=\"not done\"> "
            }
            renderChildren(node, into: &out, tightList: tightList)
            if let extra = decorations.itemEnd[node.range.start] { out += extra }
            out += "</li>\n"
        case .codeBlock(let info, let literal):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            out += "<pre><code"
            if !language.isEmpty {
                out += " class=\"language-"
                HTMLEscaping.escape(language, into: &out)
                out += "\""
            }
            out += ">"
            HTMLEscaping.escape(literal, into: &out)
            out += "</code></pre>\n"
        case .htmlBlock(let html):
            htmlAnchor(node, html, into: &out)
            if allowRawHTML {
                out += RawHTMLLinks.rewrite(Self.tagFiltered(html)) { resolve($0, at: node.range.start) }
            } else {
                let text = HTMLText.text(of: html)
                if !text.isEmpty {
                    out += "<p>"
                    HTMLEscaping.escape(text, into: &out)
                    out += "</p>\n"
                }
            }
        case .thematicBreak:
            out += "<hr>\n"
        case .footnoteDefinition(let label):
            let number = footnoteNumber(label)
            out += "<div class=\"footnote\" id=\"fn-\(number)\"><span class=\"footnote-label\">\(number).</span> "
            renderChildren(node, into: &out, tightList: true)
            out += " <a href=\"#fnref-\(number)\" class=\"footnote-back\" aria-label=\"Back to reference \(number)\">↩</a></div>\n"
        case .table(let alignments):
            out += "<div class=\"table-wrap\"><table>\n"
            var inBody = false
            for row in node.children {
                let isHeader: Bool
                if case .tableRow(let header) = row.kind { isHeader = header } else { isHeader = false }
                if isHeader {
                    out += "<thead>\n"
                } else if !inBody {
                    out += "<tbody>\n"
                    inBody = true
                }
                out += "<tr>"
                for (index, cell) in row.children.enumerated() {
                    let tag = isHeader ? "th" : "td"
                    out += "<\(tag)"
                    if index < alignments.count, alignments[index] != .none {
                        out += " class=\"align-\(alignments[index].rawValue)\""
                    }
                    out += ">"
                    renderChildren(cell, into: &out, tightList: false)
                    out += "</\(tag)>"
                }
                out += "</tr>\n"
                if isHeader { out += "</thead>\n" }
            }
            if inBody { out += "</tbody>\n" }
            out += "</table></div>\n"
        case .tableRow, .tableCell:
            renderChildren(node, into: &out, tightList: false)
        case .text(let text):
            HTMLEscaping.escape(text, into: &out)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .code(let code):
            out += "<code>"
            HTMLEscaping.escape(code, into: &out)
            out += "</code>"
        case .htmlInline(let html):
            htmlAnchor(node, html, into: &out)
            if allowRawHTML { out += RawHTMLLinks.rewrite(Self.tagFiltered(html)) { resolve($0, at: node.range.start) } }
        case .emphasis:
            out += "<em>"
            renderChildren(node, into: &out, tightList: false)
            out += "</em>"
        case .strong:
            out += "<strong>"
            renderChildren(node, into: &out, tightList: false)
            out += "</strong>"
        case .strikethrough:
            out += "<del>"
            renderChildren(node, into: &out, tightList: false)
            out += "</del>"
        case .link(let destination, let title):
            switch resolve(destination, at: node.range.start) {
            case .some(let href):
                out += "<a href=\""
                HTMLEscaping.escape(href, into: &out)
                out += "\""
                if !title.isEmpty {
                    out += " title=\""
                    HTMLEscaping.escape(title, into: &out)
                    out += "\""
                }
                out += ">"
                insideLink += 1
                renderChildren(node, into: &out, tightList: false)
                insideLink -= 1
                out += "</a>"
            case .none:
                renderChildren(node, into: &out, tightList: false)
            }
            if let extra = decorations.afterLink[node.range.start] { out += extra }
        case .image(let source, let title):
            let alt = node.plainText
            guard let src = resolve(source, at: node.range.start) else {
                HTMLEscaping.escape(alt, into: &out)
                return
            }
            let isRemote = LinkResolver.scheme(of: src) != nil
            if isRemote, insideLink > 0 {
                // A remote badge inside a link: its alt text, since links cannot nest.
                out += "<span class=\"remote-image\">"
                HTMLEscaping.escape(alt.isEmpty ? "image" : alt, into: &out)
                out += "</span>"
            } else if isRemote {
                // A remote image would be a request leaving the site: link to it instead.
                out += "<a class=\"remote-image\" href=\""
                HTMLEscaping.escape(src, into: &out)
                out += "\">"
                HTMLEscaping.escape(alt.isEmpty ? "image" : alt, into: &out)
                out += "</a>"
            } else {
                out += "<img src=\""
                HTMLEscaping.escape(src, into: &out)
                out += "\" alt=\""
                HTMLEscaping.escape(alt, into: &out)
                out += "\""
                if !title.isEmpty {
                    out += " title=\""
                    HTMLEscaping.escape(title, into: &out)
                    out += "\""
                }
                out += " loading=\"lazy\">"
            }
        case .footnoteReference(let label):
            let number = footnoteNumber(label)
            let uses = (footnoteUses[number] ?? 0) + 1
            footnoteUses[number] = uses
            let id = uses == 1 ? "fnref-\(number)" : "fnref-\(number)-\(uses)"
            out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(number)\" id=\"\(id)\">\(number)</a></sup>"
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

    /// The href for a destination, or nil when it must not be linked; reports why.
    private mutating func resolve(_ destination: String, at location: SourceLocation) -> String? {
        switch resolver.resolve(destination) {
        case .href(let href):
            return href
        case .crossPage(let href, let target, let fragment):
            pendingAnchorChecks.append(PendingAnchorCheck(file: file, location: location, target: target, fragment: fragment))
            return href
        case .dropped(let id, let message):
            diagnostics.append(.warning(id, message, file: file, at: location))
            return nil
        case .broken(let id, let message, let href):
            diagnostics.append(.error(id, message, file: file, at: location))
            return href
        }
    }

    // MARK: - Raw HTML

    /// An empty `<a id>` for an anchor raw HTML defines (`<a name="top"></a>`), unless the HTML
    /// is kept and carries the id itself.
    private func htmlAnchor(_ node: MarkdownNode, _ html: String, into out: inout String) {
        guard let anchor = itemAnchors[node.range.start] else { return }
        if allowRawHTML, html.contains("id=\"\(anchor)\"") || html.contains("id='\(anchor)'") { return }
        out += "<a id=\""
        HTMLEscaping.escape(anchor, into: &out)
        out += "\"></a>"
    }

    /// GFM's tag filter: these tags are rendered inert even when raw HTML is allowed.
    static let filteredTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    static func tagFiltered(_ html: String) -> String {
        var out = ""
        var index = html.startIndex
        while let open = html[index...].firstIndex(of: "<") {
            out += html[index..<open]
            var nameStart = html.index(after: open)
            if nameStart < html.endIndex, html[nameStart] == "/" { nameStart = html.index(after: nameStart) }
            let name = html[nameStart...].prefix { $0.isLetter }.lowercased()
            out += filteredTags.contains(name) ? "&lt;" : "<"
            index = html.index(after: open)
        }
        out += html[index...]
        return out
    }
}

import Foundation

/// A link to another page's anchor, to check once that page's anchors are known.
struct PendingAnchorCheck: Sendable, Hashable {
    var file: String
    var location: SourceLocation
    /// Content-relative path of the target Markdown file.
    var target: String
    var fragment: String
}
