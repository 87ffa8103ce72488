import RoadmapMarkdown

/// A roadmap's model with its resources read and each use of one given its anchor: what pass 1
/// of a build lists (``RoadmapEnricher/pageEntries(_:)``) and pass 2 enriches
/// (``RoadmapEnricher/enrich(_:)``).
struct AnchoredRoadmap: Sendable {
    /// The model, roadmap.sh prefixes taken off its link texts.
    var roadmap: Roadmap
    var uses: ResourceUses
}

/// A roadmap's resources as its page shows them: every mention, the resources they make, and
/// each use's marker with its anchor.
struct ResourceUses: Sendable {
    var mentions: [ResourceExtractor.Mention]
    var resources: [Resource]
    var markers: [ResourceIndex.Marker]
    /// A warning when the roadmap names more resources than are indexed (``maximumResources``).
    var diagnostics: [Diagnostic] = []
    /// False for uses read back from the render cache, which keeps the resources only: rendering
    /// the roadmap needs its mentions and markers, so it is listed again first.
    var isComplete = true

    /// How many resources of one roadmap are indexed. Each costs about 2 kB of output (its
    /// marker on the page, entries on two resource pages, in two JSON files and in the search
    /// index) whatever its Markdown: 1 MB of bare `www.…` lines named 63,000 and made a 118 MB
    /// site. 2,000 keep a long awesome-list whole and bound that site to a few MB; the rest stay
    /// links on the page.
    static let maximumResources = 2_000

    /// Reads them from the roadmap, before roadmap.sh prefixes (`@course@`) leave its link texts.
    init(reading roadmap: Roadmap) {
        mentions = ResourceExtractor().extract(roadmap)
        var identities = Set<String>()
        // (Fewer mentions than the bound cannot name more resources: nothing to count.)
        if mentions.count > Self.maximumResources, let cut = mentions.firstIndex(where: { mention in
            identities.insert(mention.identity)
            return identities.count > Self.maximumResources
        }) {
            let kept = identities.subtracting([mentions[cut].identity])
            diagnostics.append(.warning(
                "resources.too-many",
                "the roadmap names more than \(Self.maximumResources) resources; from here on they stay links on the page "
                    + "but are left out of the resource indexes and search",
                file: roadmap.sourcePath, at: mentions[cut].location))
            mentions = mentions.filter { kept.contains($0.identity) }
        }
        (resources, markers) = ResourceIndex.build(mentions, roadmap: roadmap)
    }
}

/// The enrichment stage for one roadmap: its timeline and duration check, its resources, its
/// cross-links, and the page decorations that show them. Values in, values out; every step is
/// linear in the size of the document.
///
/// A build enriches in two passes, both from the roadmap ``anchor(_:)`` gives: pass 1 reads its
/// ``pageEntries(_:)`` (its skills and tools with their anchors) into its listing; pass 2
/// enriches it with every listing known, for the "Also in" links to the other roadmaps. So the
/// anchors other pages link to are the ones the page has.
struct RoadmapEnricher: Sendable {
    var glossary = Glossary()
    /// The skills and tools of the site's roadmaps (pass 1's listings), for "Also in" links.
    var sharedTerms = SharedTermIndex()
    /// The site's interface strings, for the text the page's additions show (badges, backlinks).
    var strings = InterfaceStrings.english

    /// Reads the roadmap's resources, unless `uses` holds them (read from the same document
    /// by pass 1), and takes roadmap.sh prefixes off its link texts.
    func anchor(_ input: Roadmap, uses known: ResourceUses? = nil) -> AnchoredRoadmap {
        let uses = known ?? ResourceUses(reading: input)
        var roadmap = input
        RoadmapShPrefixes.strip(in: &roadmap)
        return AnchoredRoadmap(roadmap: roadmap, uses: uses)
    }

    /// The glossary's words for one roadmap (its front matter may add aliases): how terms are
    /// normalised, and the normalised terms never linked.
    private func vocabulary(_ roadmap: Roadmap) -> (normaliser: TermNormaliser, vetoed: Set<String>) {
        let glossary = self.glossary.adding(frontMatterAliases: roadmap.frontMatter.aliases)
        let normaliser = TermNormaliser(aliases: glossary.aliases)
        return (normaliser, Set(glossary.vetoed.map { normaliser.stems($0).joined(separator: " ") }))
    }

    /// Pass 1: what other pages need of this roadmap's page: its skills and tools, each with the
    /// anchor the page gives it, and every anchor the page has (for the link checks).
    func pageEntries(_ anchored: AnchoredRoadmap) -> (terms: [SharedTerm], anchors: [String]) {
        let (normaliser, vetoed) = vocabulary(anchored.roadmap)
        let skills = CrossLinker(normaliser: normaliser, vetoed: vetoed).skillEntries(anchored.roadmap).0
            .map { (title: $0.0.title, anchor: $0.2) }
        let markers = anchored.uses.markers
        let terms = SharedTerm.list(skills: skills, markers: markers, normaliser: normaliser, vetoed: vetoed)
        return (terms, anchored.roadmap.anchors + skills.map(\.anchor) + markers.map(\.anchor))
    }

    /// Everything the roadmap's pages show (both steps at once, outside a site build).
    func enrich(_ roadmap: Roadmap) -> EnrichedRoadmap {
        enrich(anchor(roadmap))
    }

    /// Pass 2: everything the roadmap's pages show.
    func enrich(_ anchored: AnchoredRoadmap) -> EnrichedRoadmap {
        var roadmap = anchored.roadmap
        let (normaliser, vetoed) = vocabulary(roadmap)
        let (mentions, markers) = (anchored.uses.mentions, anchored.uses.markers)

        // Time.
        let timeline = TimelineBuilder().build(roadmap)
        roadmap.totalDuration = timeline.total
        var diagnostics = DurationConsistencyCheck().check(roadmap)

        // Cross-links.
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
        crossLinks.alsoIn = sharedTerms.alsoIn(slug: roadmap.slug)
        for entry in crossLinks.alsoIn {
            crossLinks.links += entry.targets.map {
                CrossLink(from: entry.from, to: $0.href(from: roadmap.slug), kind: .alsoIn, evidence: $0.roadmapTitle + " › " + $0.title)
            }
        }

        let decorations = PageDecorationBuilder(roadmap: roadmap, timeline: timeline, markers: markers,
                                                crossLinks: crossLinks, hasSearchPage: sharedTerms.hasSearchPage,
                                                strings: strings).build()
        return EnrichedRoadmap(roadmap: roadmap, timeline: timeline, resources: anchored.uses.resources, crossLinks: crossLinks,
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
