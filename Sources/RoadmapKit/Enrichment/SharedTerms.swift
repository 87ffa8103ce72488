import RoadmapMarkdown

/// A skill or tool a roadmap lists, as other roadmaps may list it too: its normalised words
/// (with its kind: a skill matches only skills, a tool only tools) and its anchor on the page.
struct SharedTerm: Sendable, Hashable {
    /// "skill:container orchestrat", "tool:airflow".
    var key: String
    var anchor: String
    var title: String
}

extension SharedTerm {
    /// A roadmap's skills (by title) and tools (by the title without its notes) in the order they
    /// are found, each term once: its kind and stems make the key ("skill:container orchestrat");
    /// a vetoed term or one without stems is left out.
    static func list(
        skills: [(title: String, anchor: String)], markers: [ResourceIndex.Marker], normaliser: TermNormaliser,
        vetoed: Set<String>
    ) -> [SharedTerm] {
        var terms: [SharedTerm] = []
        var seen = Set<String>()
        func add(_ kind: String, _ title: String, _ anchor: String) {
            let stems = normaliser.stems(title)
            guard !stems.isEmpty else { return }
            let joined = stems.joined(separator: " ")
            guard !vetoed.contains(joined) else { return }
            let key = kind + ":" + joined
            if seen.insert(key).inserted { terms.append(SharedTerm(key: key, anchor: anchor, title: title)) }
        }
        for skill in skills { add("skill", skill.title, skill.anchor) }
        for marker in markers where marker.kind == .tool {
            add("tool", ResourceExtractor.splitNotes(marker.title).0.trimmingSpaces(), marker.anchor)
        }
        return terms
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

        /// The entry's address from the site root (`data-engineer/index.html#skill-docker`).
        public var pathFromRoot: String { slug + "/index.html#" + anchor }

        /// The entry's address from a roadmap's page published in `folder` (its slug).
        public func href(from folder: String) -> String { SitePath.root(from: folder) + pathFromRoot }
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

    init(_ listings: [RoadmapListing], hasSearchPage: Bool) {
        self.hasSearchPage = hasSearchPage
        let ordered = listings.sortedInSiteOrder { $0 }
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
        alsoIn(slug: slug).map { entry in
            entry.from + "\u{1F}" + entry.targets.map { $0.pathFromRoot + "\u{1F}" + $0.roadmapTitle + "\u{1F}" + $0.title }
                .joined(separator: "\u{1F}") + "\u{1F}\(entry.more)"
        }.joined(separator: "\u{1E}")
    }

    /// Where else each of a roadmap's terms is listed (terms no other roadmap lists are left out),
    /// in the order of its listing.
    func alsoIn(slug: String) -> [AlsoIn] {
        guard let own = position[slug] else { return [] }
        return sharedTerms[own].compactMap { term in
            guard let list = holders[term.key] else { return nil }
            // The roadmap's own place in the list (ordered by position); the others follow it.
            var mine = 0, high = list.count
            while mine < high {
                let middle = (mine + high) / 2
                if list[middle].roadmap < own { mine = middle + 1 } else { high = middle }
            }
            let others = list.count - 1
            var targets: [Target] = []
            for step in 1...min(Self.shown, others) {
                let entry = list[(mine + step) % list.count]
                let roadmap = roadmaps[entry.roadmap]
                targets.append(Target(slug: roadmap.slug, roadmapTitle: roadmap.title, anchor: entry.anchor, title: entry.title))
            }
            return AlsoIn(from: term.anchor, title: term.title, targets: targets, more: others - targets.count)
        }
    }
}
