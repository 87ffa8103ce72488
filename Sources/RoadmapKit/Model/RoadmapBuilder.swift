import Foundation
import RoadmapMarkdown

/// Reads a parsed document into a ``Roadmap``: title, summary, the section tree with anchors,
/// phases and modules with their stated durations, topics, projects and links.
struct RoadmapBuilder: Sendable {
    var durationParser = DurationParser()

    struct Input: Sendable {
        var source: String
        var sourcePath: String
        var frontMatter: FrontMatter
        var document: MarkdownDocument
        /// The folder the page is published in, as the read stage decided it.
        var slug: String
        /// A roadmap.sh folder's topics, composed into `document` (nil for a roadmap in one file).
        var topics: TopicOutline?

        init(source: String, sourcePath: String, frontMatter: FrontMatter, document: MarkdownDocument, slug: String? = nil) {
            self.source = source
            self.sourcePath = sourcePath
            self.frontMatter = frontMatter
            self.document = document
            self.slug = slug ?? Slugger.pageSlug(relativePath: source, frontMatter: frontMatter)
        }
    }

    /// A roadmap file as the read stage left it, parsed and built: how both passes of a build
    /// read a roadmap (pass 1 for its listing, pass 2 for its page).
    func build(_ document: PreparedDocument) -> (Roadmap, [Diagnostic]) {
        var input = Input(source: document.file.relativePath, sourcePath: document.file.path, frontMatter: document.frontMatter,
                          document: MarkdownParser().parse(document.body), slug: document.slug)
        if let topics = document.topics {
            let lineCount = document.body.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let outline = TopicOutline.compose(main: input.document, mainLineCount: lineCount, topics: topics,
                                               mainPath: document.file.path)
            input.document = outline.document
            input.topics = outline
        }
        return build(input)
    }

    func build(_ input: Input) -> (Roadmap, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = input.sourcePath
        var blocks = input.document.blocks[...]
        if input.document.wasDepthLimited {
            diagnostics.append(.warning(
                "markdown.nesting", "nesting deeper than \(MarkdownParser.maximumDepth) levels was flattened to text",
                file: file, at: SourceLocation(line: 1, column: 1)))
        }
        for limit in input.document.limits {
            diagnostics.append(Diagnostic(limit.action == .notParsed ? .error : .warning, id: limit.id, limit.message,
                                          file: file, at: limit.location))
        }

        // Heading anchors first, in document order, so they match GitHub's: headings in list
        // items and block quotes get theirs too, and count for the `-1`, `-2` of the ones after.
        var slugger = Slugger(reserved: Self.pageIDs)
        var headingIDs: [SourceLocation: String] = [:]
        var containedHeadingIDs: [SourceLocation: String] = [:]
        var anchors: [String] = []
        // Nodes are read in place through their arrays (see collectLinks(in:sectionID:into:)).
        func anchorHeadings(in nodes: [MarkdownNode], contained: Bool) {
            for index in nodes.indices {
                switch nodes[index].kind {
                case .heading:
                    let id = slugger.anchor(for: Self.anchorText(nodes[index]))
                    if contained { containedHeadingIDs[nodes[index].range.start] = id } else { headingIDs[nodes[index].range.start] = id }
                    anchors.append(id)
                case .blockQuote, .list, .item:
                    anchorHeadings(in: nodes[index].children, contained: true)
                default:
                    break
                }
            }
        }
        anchorHeadings(in: input.document.blocks, contained: false)
        func heading(_ node: MarkdownNode, level: Int) -> Heading {
            Heading(
                level: level, id: headingIDs[node.range.start] ?? "section",
                text: Self.textWithoutImages(node),
                node: node, location: node.range.start)
        }

        // The title: a first-level heading that opens the document (badges may precede it), or
        // an HTML `<h1>` among those badges (`<h1 align="center">…</h1>`, a common README header).
        var titleHeading: Heading?
        var htmlTitle: String?
        let levelOneCount = input.document.blocks.filter { if case .heading(1) = $0.kind { true } else { false } }.count
        let firstHeading = blocks.firstIndex(where: { if case .heading = $0.kind { true } else { false } }) ?? blocks.endIndex
        if let index = blocks[..<firstHeading].firstIndex(where: { Self.htmlHeadingOne($0) != nil }),
           blocks[..<index].allSatisfy(Self.isDecoration)
        {
            htmlTitle = Self.htmlHeadingOne(blocks[index])
            // A block that is only the heading would repeat the title as a paragraph.
            if case .htmlBlock(let html) = blocks[index].kind, Self.isOnlyHeadingOne(html) {
                var rest = Array(blocks)
                rest.remove(at: index - blocks.startIndex)
                blocks = rest[...]
            }
        } else if firstHeading < blocks.endIndex, case .heading(let level) = blocks[firstHeading].kind, level == 1,
           levelOneCount == 1 || blocks[blocks.startIndex..<firstHeading].allSatisfy(Self.isDecoration),
           // "# Month 1" over "# Month 2", "# Month 3": the first of the phases, not a title.
           levelOneCount == 1 || !Self.namesPhase(blocks[firstHeading].plainText)
        {
            titleHeading = heading(blocks[firstHeading], level: 1)
            var rest = Array(blocks[blocks.startIndex..<firstHeading])
            rest += blocks[(firstHeading + 1)...]
            blocks = rest[...]
        }

        // The section tree.
        var preamble: [MarkdownNode] = []
        var stack: [Section] = []
        var roots: [Section] = []
        func closeSection() {
            let done = stack.removeLast()
            if stack.isEmpty { roots.append(done) } else { stack[stack.count - 1].children.append(done) }
        }
        for block in blocks {
            if case .heading(let level) = block.kind {
                while let top = stack.last, top.heading.level >= level { closeSection() }
                stack.append(Section(heading: heading(block, level: level), role: .section, blocks: [], children: []))
            } else if stack.isEmpty {
                preamble.append(block)
            } else {
                stack[stack.count - 1].blocks.append(block)
            }
        }
        while !stack.isEmpty { closeSection() }

        // Phases and modules: a roadmap.sh folder's are its topics and subtopics.
        var phases: [Phase] = []
        var graph: RoadmapGraph?
        var itemAnchors: [SourceLocation: String] = [:]
        if let topics = input.topics {
            let (phase, anchoredGraph) = topics.phases(roots: &roots, headingIDs: headingIDs)
            phases = [phase]
            graph = anchoredGraph
        } else {
            markPhases(in: &roots)
            collectPhases(roots, slugger: &slugger, anchors: &itemAnchors, into: &phases)
        }

        // Topics, projects and item anchors.
        var projects: [Project] = []
        for phaseIndex in phases.indices where input.topics == nil {
            for moduleIndex in phases[phaseIndex].modules.indices {
                let moduleID = phases[phaseIndex].modules[moduleIndex].id
                guard let section = Self.find(moduleID, in: roots) else { continue }
                var topics: [Topic] = []
                section.forEachSection { part in
                    collectTopics(in: part.blocks, from: 0, sectionID: moduleID, slugger: &slugger, anchors: &itemAnchors,
                                  topics: &topics, projects: &projects)
                }
                phases[phaseIndex].modules[moduleIndex].topics = topics
            }
        }
        for root in roots {
            root.forEachSection { section in
                guard section.role == .section, Self.namesProjectList(section.title) else { return }
                for block in section.blocks { collectPortfolio(in: block, sectionID: section.id, slugger: &slugger,
                                                                anchors: &itemAnchors, projects: &projects) }
            }
        }
        projects.sort { $0.location < $1.location }
        // Anchors raw HTML defines (`<a name="top"></a>`), where no heading or item took them.
        // Made at the first HTML with anchor names: most roadmaps have none.
        var takenAnchors: Set<String>?
        // Nodes are read in place through their arrays (see collectLinks(in:sectionID:into:)).
        func collectHTMLAnchors(in nodes: [MarkdownNode]) {
            for index in nodes.indices {
                switch nodes[index].kind {
                case .htmlBlock(let html), .htmlInline(let html):
                    let start = nodes[index].range.start
                    let names = HTMLAnchorNames.names(in: html)
                    guard !names.isEmpty else { continue }
                    if takenAnchors == nil { takenAnchors = Set(anchors).union(itemAnchors.values).union(Self.pageIDs) }
                    if let name = names.first(where: { !takenAnchors!.contains($0) }), itemAnchors[start] == nil {
                        itemAnchors[start] = name
                        takenAnchors!.insert(name)
                        slugger.reserve(name)
                    }
                default:
                    collectHTMLAnchors(in: nodes[index].children)
                }
            }
        }
        collectHTMLAnchors(in: input.document.blocks)
        let tasks = collectTasks(preamble: preamble, sections: roots, slugger: &slugger, anchors: &itemAnchors)
        let trackable = Self.trackable(phases: phases, projects: projects, tasks: tasks, sections: roots)
        let itemIDs = itemAnchors.sorted { $0.key < $1.key }.map(\.value)
        anchors += itemIDs

        // Links.
        var links: [LinkReference] = []
        for node in preamble { collectLinks(node, sectionID: "", into: &links) }
        if let titleHeading { collectLinks(titleHeading.node, sectionID: "", into: &links) }
        for root in roots {
            root.forEachSection { section in
                collectLinks(section.heading.node, sectionID: section.id, into: &links)
                for block in section.blocks { collectLinks(block, sectionID: section.id, into: &links) }
            }
        }

        // Title, slug, summary.
        // A heading that is only an image without alt text names nothing.
        let headingTitle = titleHeading.map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        let title = input.frontMatter.title ?? headingTitle ?? htmlTitle
            ?? ReadableName.ofRoadmapFile(relativePath: input.source, path: input.sourcePath)
        let openingSummary = Self.firstParagraph(preamble)
        let summary = input.frontMatter.summary
            ?? (openingSummary.isEmpty ? Self.firstParagraph(roots.lazy.flatMap { $0.flattened() }.flatMap(\.blocks)) : openingSummary)

        // A roadmap.sh folder's one phase is the roadmap itself.
        if input.topics != nil, !phases.isEmpty { phases[0].title = title }

        var roadmap = Roadmap(
            source: input.source, sourcePath: input.sourcePath, slug: input.slug, title: title,
            summary: summary, order: input.frontMatter.order, isDraft: input.frontMatter.draft,
            frontMatter: input.frontMatter, titleHeading: titleHeading, preamble: preamble, sections: roots,
            phases: phases, projects: projects, links: links, trackable: trackable, itemAnchors: itemAnchors,
            containedHeadingAnchors: containedHeadingIDs, anchors: anchors,
            totalDuration: nil, summaryIsOnPage: input.frontMatter.summary == nil && !summary.isEmpty)
        roadmap.graph = graph
        roadmap.topicLines = input.topics?.lines
        return (roadmap, diagnostics)
    }

    // MARK: - Topics and projects

    /// A section lists projects when its title says so ("Basic Projects", "Project Portfolio",
    /// "Capstone"), not when it merely mentions a project ("Project Impact").
    static func namesProjectList(_ title: String) -> Bool {
        let lower = title.lowercased()
        return ["projects", "portfolio", "capstone"].contains { lower.containsWord($0) }
    }

    /// Labels of a module's fields ("**Platform**: Coursera"), which are not topics.
    static let fieldLabels: Set<String> = [
        "duration", "time", "timeline", "timeframe", "estimated time", "time commitment", "length", "period", "eta",
        "platform", "provider", "offered by", "cost", "price", "pricing", "level", "difficulty", "prerequisites",
        "prerequisite", "prereqs", "requirements", "outcome", "outcomes", "key outcomes", "learning outcomes", "goal",
        "goals", "objective", "objectives", "format", "link", "links", "url", "website", "resource", "resources",
        "note", "notes", "tip", "tips", "why", "status", "type", "author", "authors", "instructor", "language",
        "certificate", "certification", "course", "book", "video", "docs", "documentation", "tools", "project",
        "projects", "topics", "skills", "focus", "deliverable", "deliverables", "example", "examples", "summary",
    ]

    /// Labels of a list item whose children are the module's sub-topics.
    static let topicLabels: Set<String> = ["topics", "focus areas", "focus", "key topics", "skills", "concepts", "learn", "what you'll learn", "key concepts", "subjects"]
    static let projectLabels: Set<String> = ["projects", "project", "hands-on", "hands-on projects", "practice", "exercises", "assignments"]

    /// A list item's label when it is just "Label:" (or "**Label**:") followed by a sub-list.
    static func label(of item: MarkdownNode) -> String? {
        guard let first = item.children.first, case .paragraph = first.kind else { return nil }
        let text = first.plainText.trimmingSpaces()
        guard text.hasSuffix(":"), text.count < 40 else { return nil }
        return text.dropLast().trimmingSpaces().lowercased()
    }

    static func itemTitle(_ item: MarkdownNode) -> String {
        guard let first = item.children.first, case .paragraph = first.kind else { return "" }
        return first.plainText.trimmingWhitespace()
    }

    /// A list item led by strong text ("**Kubernetes**") names a topic.
    private static func strongLead(_ item: MarkdownNode) -> String? {
        guard let first = item.children.first, case .paragraph = first.kind,
              let lead = first.children.first, case .strong = lead.kind else { return nil }
        let whole = first.plainText.trimmingSpaces()
        let strong = lead.plainText.trimmingSpaces()
        // "**Duration**: 4 weeks" is a labelled field, not a topic; "**SQL**: joins, indexes" is a topic.
        if whole.count > strong.count, whole.dropFirst(strong.count).hasPrefix(":") || strong.hasSuffix(":"),
           fieldLabels.contains(strong.trimmingScalars(in: ":").trimmingSpaces().lowercased())
            || whole.count <= strong.count + 1
        {
            return nil
        }
        let title = strong.hasSuffix(":") ? String(strong.dropLast()).trimmingSpaces() : strong  // "**Indexes:** B-trees"
        return title.isEmpty ? nil : title
    }

    /// The topics and projects of the lists among `nodes[start...]`, which are read in place
    /// through the array (a `for node in` loop would copy each).
    private func collectTopics(
        in nodes: [MarkdownNode], from start: Int, sectionID: String, slugger: inout Slugger,
        anchors: inout [SourceLocation: String], topics: inout [Topic], projects: inout [Project]
    ) {
        for index in nodes.indices.dropFirst(start) {
            guard case .list = nodes[index].kind else { continue }
            collectTopics(inList: nodes[index].children, sectionID: sectionID, slugger: &slugger, anchors: &anchors,
                          topics: &topics, projects: &projects)
        }
    }

    private func collectTopics(
        inList list: [MarkdownNode], sectionID: String, slugger: inout Slugger, anchors: inout [SourceLocation: String],
        topics: inout [Topic], projects: inout [Project]
    ) {
        for item in list {
            if let label = Self.label(of: item) {
                let sublists = item.children.dropFirst().filter { if case .list = $0.kind { true } else { false } }
                if Self.projectLabels.contains(label) {
                    for list in sublists {
                        for project in list.children {
                            let title = Self.itemTitle(project)
                            guard !title.isEmpty else { continue }
                            let id = slugger.anchor(for: title)
                            anchors[project.range.start] = id
                            projects.append(Project(id: id, title: title, location: project.range.start,
                                                    sectionID: sectionID, details: []))
                        }
                    }
                } else if Self.topicLabels.contains(label) {
                    let entries = sublists.flatMap(\.children)
                    if topics.isEmpty {
                        // A module without bold-led items: each entry is a topic of its own.
                        for entry in entries {
                            let title = Self.itemTitle(entry)
                            guard !title.isEmpty else { continue }
                            let id = slugger.anchor(for: title)
                            anchors[entry.range.start] = id
                            topics.append(Topic(id: id, title: title, location: entry.range.start, subtopics: []))
                        }
                    } else {
                        topics[topics.count - 1].subtopics += entries.map(Self.itemTitle).filter { !$0.isEmpty }
                    }
                }
                continue
            }
            if let title = Self.strongLead(item) {
                let id = slugger.anchor(for: title)
                anchors[item.range.start] = id
                topics.append(Topic(id: id, title: title, location: item.range.start, subtopics: []))
                collectTopics(in: item.children, from: 1, sectionID: sectionID, slugger: &slugger, anchors: &anchors,
                              topics: &topics, projects: &projects)
            }
        }
    }

    /// Items of a portfolio section ("Basic Projects": `1. Automated ML Pipeline` + details).
    private func collectPortfolio(
        in node: MarkdownNode, sectionID: String, slugger: inout Slugger, anchors: inout [SourceLocation: String],
        projects: inout [Project]
    ) {
        guard case .list = node.kind else { return }
        for item in node.children {
            let title = Self.itemTitle(item)
            guard !title.isEmpty, anchors[item.range.start] == nil else { continue }
            let details = item.children.dropFirst().flatMap { list -> [String] in
                guard case .list = list.kind else { return [] }
                return list.children.map(Self.itemTitle).filter { !$0.isEmpty }
            }
            let id = slugger.anchor(for: title)
            anchors[item.range.start] = id
            projects.append(Project(id: id, title: title, location: item.range.start, sectionID: sectionID, details: details))
        }
    }

    // MARK: - Links and text

    private func collectLinks(_ node: MarkdownNode, sectionID: String, into links: inout [LinkReference]) {
        if case .link(let destination, _) = node.kind {
            links.append(LinkReference(
                text: node.plainText, destination: destination, location: node.range.start, sectionID: sectionID))
        }
        collectLinks(in: node.children, sectionID: sectionID, into: &links)
    }

    /// ``collectLinks(_:sectionID:into:)`` of each node, read in place through the array: a
    /// `for node in nodes` loop would copy every node of the document on the way down.
    private func collectLinks(in nodes: [MarkdownNode], sectionID: String, into links: inout [LinkReference]) {
        for index in nodes.indices {
            if case .link(let destination, _) = nodes[index].kind {
                links.append(LinkReference(
                    text: nodes[index].plainText, destination: destination, location: nodes[index].range.start,
                    sectionID: sectionID))
            }
            collectLinks(in: nodes[index].children, sectionID: sectionID, into: &links)
        }
    }

    static func find(_ id: String, in sections: [Section]) -> Section? {
        // By index: a `for section in` loop would copy every section it passes.
        for index in sections.indices {
            if sections[index].heading.id == id { return sections[index] }
            if let found = find(id, in: sections[index].children) { return found }
        }
        return nil
    }

    /// Ids the roadmap page's templates and decorations use: a heading "Top" or "Main", or a
    /// README's `<a name="top">`, gets another anchor rather than a second element with that id.
    /// (MessyRoadmapTests checks every literal id in Templates/ is here.)
    static let pageIDs: [String] = [
        "top", "main", "roadmap-data", "overall-progress", "overall-progress-label", "panel-status",
        "phase-overview-title", "plan-clear", "plan-hours", "plan-hours-hint", "plan-ics", "plan-start",
        "progress-export", "progress-import", "resource-count", "resource-filter", "resource-query",
        "search-browse", "search-browse-title", "search-filter", "search-filter-box", "search-next", "search-page-input",
        "search-page-number", "search-pager", "search-prev", "search-results-full", "search-status",
        "site-search-input", "site-search-results", "study-panel-title", "skill-matrix-title",
        "overview-timeline-title", "page-timeline-title", "roadmap-graph", "roadmap-graph-caption", "site-strings",
        "import-offer", "import-offer-title", "progress-link", "progress-link-copy", "track-announcer",
    ]

    /// A heading's or link's text as a reader sees it: badge and icon images left out
    /// (`# Awesome X [![Awesome](…)](…)` is "Awesome X", `[![logo](d.png) Docker](…)` is "Docker"),
    /// runs of ASCII whitespace as one space (a no-break space stays). Text of images only keeps their alt text.
    static func textWithoutImages(_ node: MarkdownNode) -> String {
        func append(_ node: MarkdownNode, to out: inout String) {
            switch node.kind {
            case .image: return
            case .text, .code, .softBreak, .lineBreak, .htmlInline: node.appendPlainText(to: &out)
            default: for child in node.children { append(child, to: &out) }
            }
        }
        var text = ""
        append(node, to: &text)
        let squeezed = text.squeezingWhitespace(.ascii)
        return squeezed.isEmpty ? node.plainText.trimmingWhitespace() : squeezed
    }

    /// The text GitHub makes a heading's anchor from: what the rendered heading reads, so an
    /// image's alt text is left out (`## ![logo](l.png) Setup` is `#-setup`), a line break is a
    /// line feed (which the anchor drops), and a `:book:` shortcode, shown as an emoji, is left
    /// out too (`## :book: Books` is `#-books`).
    static func anchorText(_ heading: MarkdownNode) -> String {
        func append(_ nodes: [MarkdownNode], to out: inout String) {
            for index in nodes.indices {
                switch nodes[index].kind {
                case .text(let text), .code(let text): out += text
                case .softBreak, .lineBreak: out += "\n"
                case .image, .htmlInline, .footnoteReference: break
                default: append(nodes[index].children, to: &out)
                }
            }
        }
        var text = ""
        append(heading.children, to: &text)
        return EmojiShortcodes.removing(in: text)
    }

    /// The text of an HTML block's first `<h1>` element, if it has one with text.
    static func htmlHeadingOne(_ node: MarkdownNode) -> String? {
        guard case .htmlBlock(let html) = node.kind, let open = html.range(of: "<h1", options: .caseInsensitive),
              let close = html.range(of: "</h1>", options: .caseInsensitive, range: open.upperBound..<html.endIndex)
        else { return nil }
        let text = HTMLText.text(of: "<h1" + html[open.upperBound..<close.lowerBound])
        return text.isEmpty ? nil : text
    }

    /// Whether an HTML block is just one `<h1>` element.
    static func isOnlyHeadingOne(_ html: String) -> Bool {
        let trimmed = html.trimmingWhitespace().lowercased()
        return trimmed.hasPrefix("<h1") && trimmed.hasSuffix("</h1>")
            && trimmed.components(separatedBy: "<h1").count == 2
    }

    /// Sections under a phase that hold its links or notes, not a module of study:
    /// "Resources", "Further Reading", "📚 References", "学习资源".
    static func namesSupportSection(_ title: String) -> Bool {
        let words = title.lowercased().split { !$0.isLetter }.joined(separator: " ")
        return supportSectionTitles.contains(words)
    }

    static let supportSectionTitles: Set<String> = [
        "resources", "learning resources", "additional resources", "more resources", "useful resources",
        "recommended resources", "resources and links", "references", "further reading", "reading list",
        "useful links", "links", "notes", "summary", "tips", "faq", "资源", "学习资源", "参考资料", "参考",
    ]

    /// Blocks that may precede a title: badges, images, HTML comments, thematic breaks.
    private static func isDecoration(_ node: MarkdownNode) -> Bool {
        switch node.kind {
        case .htmlBlock, .thematicBreak: return true
        case .paragraph:
            return node.children.allSatisfy {
                switch $0.kind {
                case .image, .softBreak, .lineBreak, .htmlInline: return true
                case .link: return $0.children.allSatisfy { if case .image = $0.kind { true } else { false } }
                case .text(let s): return s.trimmingSpaces().isEmpty
                default: return false
                }
            }
        default: return false
        }
    }

    /// The first paragraph's text, cut at a word boundary near 200 characters. Badge lines
    /// ("[![Join the chat](…)](…)") are not a summary; a README's tagline in a block quote is.
    static func firstParagraph(_ blocks: some Sequence<MarkdownNode>) -> String {
        for var block in blocks {
            if case .blockQuote = block.kind, let first = block.children.first { block = first }
            guard case .paragraph = block.kind, !isDecoration(block) else { continue }
            let text = block.plainText.squeezingWhitespace()
            guard text.count >= 20 else { continue }
            if text.count <= 200 { return text }
            var cut = String(text.prefix(200))
            if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
            return cut + "…"
        }
        return ""
    }
}
