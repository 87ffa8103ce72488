import Foundation
import RoadmapMarkdown

/// Makes the search documents of one roadmap: the page, every section (phases and modules
/// among them), every topic and project, the courses and other links inside topics, and the
/// list items of resource and skill sections (books, tools, certifications, skills).
struct SearchIndexBuilder: Sendable {
    static let excerptLength = 160
    static let separator = " › "

    var tokenizer = SearchTokenizer()
    /// The site's interface strings, for the text entries show ("Taught in …", a resource's facts).
    var strings = InterfaceStrings.english
    /// Where each batch's display JSON goes once made (kept in memory without one).
    var spool: SearchSpool?

    /// The documents of a roadmap read without enrichment: resources and skills are the list
    /// items of resource and skill sections and the links inside topics.
    func documents(for roadmap: Roadmap) -> SearchDocumentBatch {
        var walk = Walk(roadmap: roadmap, tokenizer: tokenizer)
        walk.run()
        walk.batch.seal()
        return walk.batch
    }

    /// The documents of an enriched roadmap: resources and skills come from the enrichment
    /// (kind, provider, cost, author; the modules that teach a skill), each at its own anchor.
    /// A resource whose id is in `sharedResources` (``SharedResources/ids(of:)``) has one entry
    /// for the whole site (``sharedResourceDocuments(_:)``), not one here.
    func documents(for enriched: EnrichedRoadmap, sharedResources: Set<String> = []) -> SearchDocumentBatch {
        var walk = Walk(roadmap: enriched.roadmap, tokenizer: tokenizer)
        let slug = enriched.roadmap.slug
        let resources = enriched.resources.filter { $0.uses.contains { $0.roadmapSlug == slug } }
        let skills = enriched.crossLinks.skills
        walk.modelledLines = Set(resources.flatMap { $0.uses.filter { $0.roadmapSlug == slug }.map(\.location.line) })
        walk.modelledLines.formUnion(skills.map(\.location.line))
        walk.resourcesModelled = !resources.isEmpty
        walk.run()
        let moduleTitles = Dictionary(enriched.roadmap.modules.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        for skill in skills {
            let taught = skill.taughtIn.compactMap { moduleTitles[$0] }
            let excerpt = taught.isEmpty ? skill.group : strings.text("search.taught-in", ["modules": taught.joined(separator: " · ")])
            walk.add(.skill, skill.title, crumbs: walk.trail(of: skill.sectionID), excerpt: excerpt, anchor: skill.id)
        }
        for resource in resources where !sharedResources.contains(resource.id) {
            let uses = resource.uses.filter { $0.roadmapSlug == slug }
            guard let use = uses.first else { continue }
            walk.add(.resource, resource.title, crumbs: walk.trail(of: use.sectionID), excerpt: facts(resource),
                     anchor: use.anchor.isEmpty ? nil : use.anchor, uses: uses.count)
        }
        walk.batch.seal(spool: spool)
        return walk.batch
    }

    /// One document for each resource of `merged` (the site's, ``ResourceIndex/merge(_:)``)
    /// that more than one roadmap uses (``SharedResources/isShared(_:)``): its entry on the
    /// site's resource index, under "Resources › Books" and the like, with the number of places
    /// it is used in. A batch for each page of the index (``ResourcePages``) that has such an
    /// entry, each labelled as the index is titled (the search page's filter counts them as one).
    func sharedResourceDocuments(_ merged: [Resource], pages: ResourcePages) -> [SearchDocumentBatch] {
        let label = strings.text("resources.title")
        return pages.pages.enumerated().compactMap { number, range in
            // As many as the site's roadmaps share: each roadmap's own are bounded (ResourceUses.maximumResources).
            var batch = SearchDocumentBatch(page: ResourcePages.file(number), label: label, limit: .max)
            for resource in merged[range] where SharedResources.isShared(resource) {
                let title = Self.clip(resource.title, 400)
                guard !title.isEmpty else { continue }
                batch.add(.resource, title: title, trail: [label, strings.kindGroup(resource.kind)],
                          excerpt: Self.clip(facts(resource), Self.excerptLength), anchor: resource.id,
                          uses: resource.uses.count, tokenizer: tokenizer)
            }
            guard batch.count > 0 else { return nil }
            batch.seal(spool: spool)
            return batch
        }
    }

    /// What a resource's excerpt says of it: "Book · by Chip Huyen · O'Reilly · Paid".
    func facts(_ resource: Resource) -> String {
        let kind = strings.kind(resource.kind)
        var facts = [kind.prefix(1).uppercased() + kind.dropFirst()]
        if let author = resource.author { facts.append(strings.text("resources.by-author", ["author": author])) }
        if let provider = resource.provider { facts.append(provider) }
        if resource.cost != .unknown { facts.append(strings.cost(resource.cost)) }
        return facts.joined(separator: " · ")
    }

    /// Words in a section title that make its list items resources or skills.
    static let resourceWords = ["resource", "reading", "book", "course", "certification", "tool", "documentation",
                                "communit", "reference", "link", "material", "podcast", "newsletter", "video",
                                "tutorial", "platform"]
    static let skillWords = ["skill", "competenc"]

    static func itemKind(forSectionTitle title: String) -> SearchDocument.Kind? {
        let lower = title.lowercased()
        if skillWords.contains(where: lower.contains) { return .skill }
        if resourceWords.contains(where: lower.contains) { return .resource }
        return nil
    }

    /// Whitespace squeezed, then cut at a word boundary to at most `limit` characters and an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> String {
        let squeezed = text.squeezingWhitespace()
        // In ASCII text a character is a byte, and the cut is found on the UTF-8 view (cut by
        // Characters, the 100-roadmap build took 30 million more instructions).
        let cut = squeezed.isAllASCII ? wordCut(squeezed.utf8, limit, space: 0x20) : wordCut(squeezed, limit, space: " ")
        guard let cut else { return squeezed }
        return String(squeezed[..<cut]) + "…"
    }

    /// Where `text` is cut to keep at most `limit` elements: at a space, unless the first word
    /// alone is longer. Nil when the whole text fits.
    private static func wordCut<Text: BidirectionalCollection>(_ text: Text, _ limit: Int, space: Text.Element) -> Text.Index?
        where Text.Element: Equatable
    {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex else {
            return nil
        }
        if text[end] == space { return end }
        return text[..<end].lastIndex(of: space) ?? end
    }

    private struct Walk {
        let roadmap: Roadmap
        let tokenizer: SearchTokenizer
        var batch: SearchDocumentBatch
        let topicIDs: [String: Topic]
        let projectIDs: [String: Project]
        let phases: [String: Phase]
        let modules: [String: Module]
        let page: String
        /// Source lines of items the enrichment models (resources, skills): not indexed as list items.
        var modelledLines: Set<Int> = []
        /// Whether links inside topics are left to the enrichment's resources.
        var resourcesModelled = false
        /// Each section's breadcrumb trail, its own title included.
        var trails: [String: [String]] = [:]

        func trail(of sectionID: String) -> [String] { trails[sectionID] ?? [roadmap.title] }

        init(roadmap: Roadmap, tokenizer: SearchTokenizer) {
            self.roadmap = roadmap
            self.tokenizer = tokenizer
            topicIDs = Dictionary(roadmap.modules.flatMap(\.topics).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            phases = Dictionary(roadmap.phases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            modules = Dictionary(roadmap.modules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            projectIDs = Dictionary(roadmap.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            page = roadmap.slug + "/index.html"
            batch = SearchDocumentBatch(page: page, label: roadmap.title)
        }

        mutating func add(_ kind: SearchDocument.Kind, _ title: String, crumbs: [String], excerpt: String,
                          anchor: String?, uses: Int = 1)
        {
            let title = SearchIndexBuilder.clip(title, 400)
            guard !title.isEmpty else { return }
            // What is indexed is what a result shows: title, breadcrumb and excerpt.
            batch.add(kind, title: title, trail: crumbs,
                      excerpt: SearchIndexBuilder.clip(excerpt, SearchIndexBuilder.excerptLength),
                      anchor: anchor ?? "", uses: uses, tokenizer: tokenizer)
        }

        mutating func run() {
            var intro: [UInt8] = []
            if roadmap.summary.isEmpty {
                for block in roadmap.preamble {
                    SearchPlainText.append(block, to: &intro)
                    intro.append(0x20)
                }
            }
            add(.roadmap, roadmap.title, crumbs: [],
                excerpt: roadmap.summary.isEmpty ? String(decoding: intro, as: UTF8.self) : roadmap.summary, anchor: nil)
            for section in roadmap.sections {
                visit(section, crumbs: [roadmap.title], itemKind: nil, inModule: false)
            }
        }

        mutating func visit(_ section: Section, crumbs: [String], itemKind: SearchDocument.Kind?, inModule: Bool) {
            // The section's first blocks as text, for the excerpt of sections (and of modules without topics).
            func text() -> String {
                var text: [UInt8] = []
                for block in section.blocks {
                    if text.count > 2 * SearchIndexBuilder.excerptLength { break }
                    SearchPlainText.append(block, to: &text)
                    text.append(0x20)
                }
                return String(decoding: text, as: UTF8.self)
            }
            let inModule = inModule || section.role == .module
            switch section.role {
            case .phase:
                let phase = phases[section.id]
                let modules = phase?.modules.map(\.title) ?? []
                let excerpt = ([phase?.durationText].compactMap { $0 } + modules).joined(separator: " · ")
                add(.phase, section.title, crumbs: crumbs, excerpt: excerpt, anchor: section.id)
            case .module:
                let module = modules[section.id]
                let topics = module?.topics.map(\.title) ?? []
                let lead = [module?.durationText].compactMap { $0 }
                let excerpt = (lead + (topics.isEmpty ? [text()] : topics)).joined(separator: " · ")
                add(.module, section.title, crumbs: crumbs, excerpt: excerpt, anchor: section.id)
            case .section:
                add(.section, section.title, crumbs: crumbs, excerpt: text(), anchor: section.id)
            }
            let kind = SearchIndexBuilder.itemKind(forSectionTitle: section.title) ?? itemKind
            let inner = crumbs + [section.title]
            trails[section.id] = inner
            items(in: section.blocks, from: 0, crumbs: inner, anchor: section.id, itemKind: inModule ? nil : kind,
                  inModule: inModule)
            for child in section.children {
                visit(child, crumbs: inner, itemKind: kind, inModule: inModule)
            }
        }

        /// List items: topics, projects, links inside topics, items of resource and skill sections;
        /// those of the lists among `nodes[start...]`, which are read in place through the array
        /// (a `for node in` loop would copy each).
        mutating func items(in nodes: [MarkdownNode], from start: Int, crumbs: [String], anchor: String,
                            itemKind: SearchDocument.Kind?, inModule: Bool)
        {
            for index in nodes.indices.dropFirst(start) {
                guard case .list = nodes[index].kind else { continue }
                items(inList: nodes[index].children, crumbs: crumbs, anchor: anchor, itemKind: itemKind, inModule: inModule)
            }
        }

        mutating func items(inList list: [MarkdownNode], crumbs: [String], anchor: String, itemKind: SearchDocument.Kind?,
                            inModule: Bool)
        {
            for item in list {
                let paragraph = item.children.first.flatMap { first -> MarkdownNode? in
                    if case .paragraph = first.kind { return first }
                    return nil
                }
                // The item's lead paragraph as text, made only when needed: most items are topics.
                var leadText: String?
                func leadOnce() -> String {
                    if let leadText { return leadText }
                    let text = paragraph.map { SearchPlainText.of($0).trimmingWhitespace() } ?? ""
                    leadText = text
                    return text
                }
                var childCrumbs = crumbs
                var childAnchor = anchor
                var childKind = itemKind
                // Topics and projects are indexed as such; other anchored items (task-list items,
                // the items of a dated list) as any item, with their own anchor.
                let itemID = roadmap.itemAnchors[item.range.start]
                if let itemID { childAnchor = itemID }
                if let id = itemID, let topic = topicIDs[id] {
                    let whole = SearchPlainText.of(item)
                    let rest = whole.utf8.starts(with: topic.title.utf8)
                        ? String(whole[whole.utf8.index(whole.startIndex, offsetBy: topic.title.utf8.count)...]) : whole
                    add(.topic, topic.title, crumbs: crumbs, excerpt: rest, anchor: id)
                    childCrumbs.append(topic.title)
                } else if let id = itemID, let project = projectIDs[id] {
                    let excerpt = project.details.isEmpty
                        ? String(SearchPlainText.of(item).dropFirst(project.title.count))
                        : project.details.joined(separator: " · ")
                    add(.project, project.title, crumbs: crumbs, excerpt: excerpt, anchor: id)
                } else if RoadmapBuilder.label(of: item) != nil {
                    // "Tools and Platforms:" over a list: outside modules, a heading for its items.
                    if !inModule {
                        let lead = leadOnce()
                        childCrumbs.append(String(lead.dropLast()).trimmingSpaces())
                        if let kind = SearchIndexBuilder.itemKind(forSectionTitle: lead) { childKind = kind }
                    }
                } else if let kind = itemKind, case let lead = leadOnce(), !lead.isEmpty {
                    let hasSublist = item.children.dropFirst().contains { if case .list = $0.kind { true } else { false } }
                    if hasSublist {
                        // "1. Technical Books" over a list of books: a heading for its items.
                        childCrumbs.append(lead)
                        if let sub = SearchIndexBuilder.itemKind(forSectionTitle: lead) { childKind = sub }
                    } else if !modelledLines.contains(item.range.start.line) {
                        add(kind, lead, crumbs: crumbs, excerpt: "", anchor: childAnchor)
                    }
                }
                if inModule, !resourcesModelled, let paragraph {
                    // Courses and other links inside a topic are resources of their own.
                    for link in Self.links(in: paragraph) where !link.isEmpty && link != leadOnce() {
                        add(.resource, link, crumbs: childCrumbs, excerpt: leadOnce(), anchor: childAnchor)
                    }
                }
                items(in: item.children, from: 1, crumbs: childCrumbs, anchor: childAnchor, itemKind: childKind,
                      inModule: inModule)
            }
        }

        static func links(in node: MarkdownNode) -> [String] {
            if case .link = node.kind {
                return [SearchPlainText.of(node).trimmingWhitespace()]
            }
            return node.children.flatMap { links(in: $0) }
        }
    }
}
