import RoadmapMarkdown

/// The enrichment stage for one roadmap: its timeline and duration check, its resources, its
/// cross-links, and the page decorations that show them. Values in, values out; every step is
/// linear in the size of the document.
struct RoadmapEnricher: Sendable {
    var glossary = Glossary()
    /// The skills and tools of the site's other roadmaps, for "Also in" links.
    var sharedTerms = SharedTermIndex()

    func enrich(_ input: Roadmap) -> EnrichedRoadmap {
        var roadmap = input
        let glossary = self.glossary.adding(frontMatterAliases: roadmap.frontMatter.aliases)
        let normaliser = TermNormaliser(aliases: glossary.aliases)
        // Resources are read before roadmap.sh prefixes (`@course@`) leave the link texts.
        let mentions = ResourceExtractor().extract(roadmap)
        RoadmapShPrefixes.strip(in: &roadmap)

        // Time.
        let timeline = TimelineBuilder().build(roadmap)
        if let total = timeline.total { roadmap.totalDurationText = total.text }
        var diagnostics = DurationConsistencyCheck().check(roadmap)

        // Resources.
        let (resources, markers) = ResourceIndex.build(mentions, roadmap: roadmap)

        // Cross-links.
        let vetoed = Set(glossary.vetoed.map { normaliser.stems($0).joined(separator: " ") })
        let linker = CrossLinker(normaliser: normaliser, vetoed: vetoed)
        let linked = linker.link(roadmap, resources: mentions, markers: markers)
        diagnostics += linked.diagnostics
        roadmap.anchors += linked.skillAnchors.sorted { $0.key < $1.key }.map(\.value)
        roadmap.anchors += markers.map(\.anchor)

        // Mentions of modules, skills and tools in prose.
        var crossLinks = linked.crossLinks
        let tools = zip(mentions, markers).filter { $0.1.kind == .tool && !$0.0.isLink }
            .map { (title: $0.1.title, anchor: $0.1.anchor, section: $0.0.sectionID) }
        let terms = MentionLinker.terms(
            roadmap: roadmap, skills: crossLinks.skills,
            skillSections: Dictionary(crossLinks.skills.map { ($0.id, $0.sectionID) }, uniquingKeysWith: { a, _ in a }),
            tools: tools, normaliser: normaliser, vetoed: vetoed)
        var mentionLinker = MentionLinker(normaliser: normaliser, vetoed: vetoed)
        mentionLinker.link(&roadmap, terms: terms)
        crossLinks.links += mentionLinker.linked

        // Skills and tools other roadmaps list too.
        if !sharedTerms.isEmpty {
            let terms = SharedTermReader.terms(
                skills: crossLinks.skills.map { ($0.title, $0.id) }, markers: markers, normaliser: normaliser, vetoed: vetoed)
            crossLinks.alsoIn = sharedTerms.alsoIn(slug: roadmap.slug, terms: terms)
            for entry in crossLinks.alsoIn {
                crossLinks.links += entry.targets.map {
                    CrossLink(from: entry.from, to: $0.href, kind: .alsoIn, evidence: $0.roadmapTitle + " › " + $0.title)
                }
            }
            // Other pages link to the anchors the first pass read from the Markdown. Where it
            // guessed one this page does not have, the entry (or, for an entry the page does not
            // list, the page's end) gets that anchor too: a link between roadmaps never breaks.
            var anchors = Set(roadmap.anchors)
            let real = Dictionary(terms.map { ($0.key, $0.anchor) }, uniquingKeysWith: { a, _ in a })
            for (key, anchor) in sharedTerms.advertised(roadmap.slug) where anchors.insert(anchor).inserted {
                crossLinks.extraAnchors.append(ExtraAnchor(anchor: anchor, entry: real[key]))
                roadmap.anchors.append(anchor)
            }
        }

        var decorations = PageDecorationBuilder(roadmap: roadmap, timeline: timeline, markers: markers,
                                                crossLinks: crossLinks, hasSearchPage: sharedTerms.hasSearchPage).build()
        decorations.itemIDs = linked.skillAnchors
        return EnrichedRoadmap(roadmap: roadmap, timeline: timeline, resources: resources, crossLinks: crossLinks,
                               skillAnchors: linked.skillAnchors, diagnostics: diagnostics, decorations: decorations)
    }
}

/// roadmap.sh writes a link's kind into its text (`[@course@Title](…)`); readers see only the title.
enum RoadmapShPrefixes {
    static func strip(in roadmap: inout Roadmap) {
        guard roadmap.links.contains(where: { $0.text.hasPrefix("@") }) else { return }
        roadmap.preamble = roadmap.preamble.map(strip)
        roadmap.sections = roadmap.sections.map(strip)
    }

    static func strip(_ section: Section) -> Section {
        var copy = section
        copy.blocks = section.blocks.map(strip)
        copy.children = section.children.map(strip)
        return copy
    }

    static func strip(_ node: MarkdownNode) -> MarkdownNode {
        var copy = node
        if case .link = node.kind, let first = node.children.first, case .text(let text) = first.kind, text.hasPrefix("@"),
           let second = text.dropFirst().firstIndex(of: "@")
        {
            copy.children[0].kind = .text(String(text[text.index(after: second)...]).trimmingSpaces())
            return copy
        }
        if node.children.isEmpty { return node }
        copy.children = node.children.map(strip)
        return copy
    }
}
