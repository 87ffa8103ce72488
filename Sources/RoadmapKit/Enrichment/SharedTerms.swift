import RoadmapMarkdown

/// A skill or tool a roadmap lists, as other roadmaps may list it too: its normalised words
/// (with its kind: a skill matches only skills, a tool only tools) and its anchor on the page.
struct SharedTerm: Sendable, Hashable {
    /// "skill:container orchestrat", "tool:airflow".
    var key: String
    var anchor: String
    var title: String
}

/// The skills and tools of one roadmap as the site-wide index keys them. The page's own
/// entries come from the enrichment stage (``terms(skills:markers:normaliser:vetoed:)``); the
/// first pass over every roadmap reads them from the Markdown (``SharedTermScanner``).
enum SharedTermReader {
    /// What the site-wide index needs of one roadmap.
    struct Listing: Sendable {
        var slug: String
        var title: String
        var order: Int?
        var terms: [SharedTerm]
    }

    /// Skills (by title) and tools (by the title without its notes), first entry per term.
    static func terms(
        skills: [(title: String, anchor: String)], markers: [ResourceIndex.Marker], normaliser: TermNormaliser,
        vetoed: Set<String>
    ) -> [SharedTerm] {
        var list = SharedTermList(normaliser: normaliser, vetoed: vetoed)
        for skill in skills { list.add("skill", skill.title, skill.anchor) }
        for marker in markers where marker.kind == .tool {
            list.add("tool", ResourceExtractor.splitNotes(marker.title).0.trimmingSpaces(), marker.anchor)
        }
        return list.terms
    }
}

/// Skills and tools in the order they are found, each term once: its kind and stems make the
/// key ("skill:container orchestrat"); a vetoed term or one without stems is left out. The
/// enrichment stage and the line scan use this one rule, so their keys agree.
struct SharedTermList {
    var normaliser: TermNormaliser
    var vetoed: Set<String>
    private(set) var terms: [SharedTerm] = []
    private var seen = Set<String>()

    init(normaliser: TermNormaliser, vetoed: Set<String>) {
        self.normaliser = normaliser
        self.vetoed = vetoed
    }

    mutating func add(_ kind: String, _ title: String, _ anchor: String) {
        let stems = normaliser.stems(title)
        guard !stems.isEmpty else { return }
        let joined = stems.joined(separator: " ")
        guard !vetoed.contains(joined) else { return }
        let key = kind + ":" + joined
        if seen.insert(key).inserted { terms.append(SharedTerm(key: key, anchor: anchor, title: title)) }
    }
}

/// Which roadmaps of the site list each skill and tool, in the site's order. Only terms two or
/// more roadmaps share are kept. A roadmap's entry shows at most ``shown`` others — the next
/// ones in site order, wrapping round, so that every roadmap is linked from some other even
/// when every roadmap lists the term — and how many more there are.
public struct SharedTermIndex: Sendable {
    /// The same skill or tool on another roadmap's page.
    public struct Target: Sendable, Hashable {
        public var slug: String
        public var roadmapTitle: String
        public var anchor: String
        public var title: String

        /// From one roadmap page (`<slug>/index.html`) to the entry.
        public var href: String { "../" + slug + "/index.html#" + anchor }
    }

    /// How many other roadmaps an entry links to (as many as a resource index shows).
    static let shown = 3

    /// Whether the site has a search page, where "N more" leads.
    var hasSearchPage = false
    /// Roadmaps in site order.
    private var roadmaps: [(slug: String, title: String)] = []
    private var position: [String: Int] = [:]
    /// Term → (roadmap position, anchor, title), ordered by position; two or more roadmaps each.
    private var holders: [String: [(roadmap: Int, anchor: String, title: String)]] = [:]
    /// Each roadmap's shared terms, by position.
    private var sharedTerms: [[SharedTerm]] = []

    init() {}

    /// Whether no two roadmaps share a term (or the site has one roadmap).
    var isEmpty: Bool { holders.isEmpty }

    init(_ listings: [SharedTermReader.Listing], hasSearchPage: Bool) {
        self.hasSearchPage = hasSearchPage
        let ordered = listings.sorted {
            ($0.order ?? Int.max, $0.title.lowercased(), $0.slug) < ($1.order ?? Int.max, $1.title.lowercased(), $1.slug)
        }
        roadmaps = ordered.map { ($0.slug, $0.title) }
        var counts: [String: Int] = [:]
        for listing in ordered { for term in listing.terms { counts[term.key, default: 0] += 1 } }
        for (index, listing) in ordered.enumerated() {
            position[listing.slug] = index
            let shared = listing.terms.filter { counts[$0.key, default: 0] >= 2 }
            for term in shared { holders[term.key, default: []].append((index, term.anchor, term.title)) }
            sharedTerms.append(shared)
        }
    }

    /// What a roadmap's "Also in" links are, as one string to compare between builds.
    func fingerprint(_ slug: String) -> String {
        guard let own = position[slug] else { return "" }
        return alsoIn(slug: slug, terms: sharedTerms[own]).map { entry in
            entry.from + "\u{1F}" + entry.targets.map { $0.href + "\u{1F}" + $0.roadmapTitle + "\u{1F}" + $0.title }
                .joined(separator: "\u{1F}") + "\u{1F}\(entry.more)"
        }.joined(separator: "\u{1E}")
    }

    /// Scans every roadmap's Markdown for its skills and tools, one roadmap a core.
    /// With a `cache` (`roadmap serve`), documents unchanged since the last build keep their listing.
    static func read(
        _ documents: [PreparedDocument], glossary: Glossary, hasSearchPage: Bool, cache: PageCache? = nil
    ) throws -> SharedTermIndex {
        let scanner = SharedTermScanner(glossary: glossary)
        let listings = try ConcurrentMap.map(documents) { document in
            guard let cache else { return scanner.listing(document) }
            return cache.listing(for: document) { scanner.listing(document) }
        }
        return SharedTermIndex(listings, hasSearchPage: hasSearchPage)
    }

    /// The anchors other pages link to on this roadmap's page: (term, anchor), from the first pass.
    func advertised(_ slug: String) -> [(key: String, anchor: String)] {
        guard let own = position[slug] else { return [] }
        return sharedTerms[own].map { ($0.key, $0.anchor) }
    }

    /// Where else each of a roadmap's terms is listed (terms no other roadmap lists are left out).
    func alsoIn(slug: String, terms: [SharedTerm]) -> [AlsoIn] {
        guard let own = position[slug], !holders.isEmpty else { return [] }
        return terms.compactMap { term in
            guard let list = holders[term.key] else { return nil }
            // The roadmap's own place in the list (ordered by position).
            var low = 0, high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle].roadmap < own { low = middle + 1 } else { high = middle }
            }
            let mine = low < list.count && list[low].roadmap == own ? low : nil
            let others = list.count - (mine == nil ? 0 : 1)
            guard others > 0 else { return nil }
            var targets: [Target] = []
            var index = mine.map { $0 + 1 } ?? low
            while targets.count < min(Self.shown, others) {
                if index >= list.count { index = 0 }
                if index != mine {
                    let entry = list[index]
                    let roadmap = roadmaps[entry.roadmap]
                    targets.append(Target(slug: roadmap.slug, roadmapTitle: roadmap.title, anchor: entry.anchor, title: entry.title))
                }
                index += 1
            }
            return AlsoIn(from: term.anchor, title: term.title, targets: targets, more: others - targets.count)
        }
    }
}
