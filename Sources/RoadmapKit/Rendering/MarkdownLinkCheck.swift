import RoadmapMarkdown

/// Reports, at their Markdown positions, what the links and images of a roadmap's page become:
/// one the page shows as text (an unsafe scheme, a missing file, a heading not on the page) is
/// a warning; one to a heading matched only ignoring case is a note; one to a heading of
/// another roadmap is handed on, to be checked once every roadmap is listed (``LinkTargetCheck``).
///
/// Pass 1 runs it, so a bad link stops the build before any page is rendered. It visits the
/// nodes ``RoadmapPageRenderer`` renders and asks the same ``LinkResolver``, so what it reports
/// is what the page does.
struct MarkdownLinkCheck {
    var resolver: LinkResolver
    /// Whether the site publishes raw HTML; either way, the links and images the sanitizer
    /// keeps of it (``HTMLSanitizer``) are resolved too.
    var allowRawHTML: Bool

    struct Output: Sendable {
        var diagnostics: [Diagnostic] = []
        var linksToOtherPages: [OtherPageLink] = []
    }

    func check(_ roadmap: Roadmap) -> Output {
        var output = Output()
        // What the sanitizer removes from raw HTML is reported here too.
        var sanitizer = HTMLSanitizer(file: roadmap.sourcePath, reservedIDs: HTMLRenderer.pageIDs,
                                      publishesRawHTML: allowRawHTML)
        func record(_ destination: String, at location: SourceLocation) {
            switch resolver.resolve(destination) {
            case .href:
                break
            case .otherPage(_, let target, let fragment):
                output.linksToOtherPages.append(OtherPageLink(
                    file: roadmap.sourcePath, source: roadmap.source, location: location, target: target, fragment: fragment))
            case .rewritten(_, let id, let message):
                output.diagnostics.append(Diagnostic(.note, id: id, message, file: roadmap.sourcePath, at: location))
            case .dropped(let id, let message):
                output.diagnostics.append(.warning(id, message, file: roadmap.sourcePath, at: location))
            }
        }
        // Nodes are read in place through their arrays: a `for node in` loop copies each one.
        // `insideLink`: the nodes are a Markdown link's text, where the page keeps no raw `<a>`.
        func visit(_ nodes: [MarkdownNode], insideLink: Bool = false) {
            for index in nodes.indices {
                var isLink = false
                switch nodes[index].kind {
                case .link(let destination, _):
                    record(destination, at: nodes[index].range.start)
                    isLink = true
                case .image(let source, _):
                    record(source, at: nodes[index].range.start)
                    continue  // the page shows an image's text as its alt text, not as nodes
                case .htmlBlock(let html), .htmlInline(let html):
                    let location = nodes[index].range.start
                    var kept: [UInt8] = []
                    _ = sanitizer.sanitize(html, at: location, insideLink: insideLink, resolve: { value -> String? in
                        record(value, at: location)
                        return resolver.resolve(value).href
                    }, into: &kept)
                    output.diagnostics += sanitizer.takeDiagnostics()
                default:
                    break
                }
                if !nodes[index].children.isEmpty { visit(nodes[index].children, insideLink: insideLink || isLink) }
            }
        }
        func visit(_ section: Section) {
            visit(section.heading.node.children)
            visit(section.blocks)
            for child in section.children { visit(child) }
        }
        if let title = RoadmapPageRenderer.titleInlines(of: roadmap) { visit(title) }
        visit(roadmap.preamble)
        for section in roadmap.sections { visit(section) }
        return output
    }
}
