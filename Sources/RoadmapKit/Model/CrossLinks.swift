import RoadmapMarkdown

/// Why one place of a roadmap points at another.
public enum CrossLinkKind: String, Sendable, Hashable, Codable {
    /// A skill → a module that teaches it.
    case taughtIn = "taught-in"
    /// A skill → a portfolio project that practises it.
    case practisedIn = "practised-in"
    /// A portfolio project → a module or module project it grows from.
    case growsFrom = "grows-from"
    /// A tool or certification → the module about it.
    case about
    /// A mention in prose → the place that defines the term.
    case mentions
    /// A skill or tool → the same skill or tool on another roadmap's page
    /// (`to` is that page's address from this one: `../other/index.html#skill-…`).
    case alsoIn = "also-in"
}

/// Where else on the site a skill or tool of this roadmap is listed: the other roadmaps'
/// entries shown (a few), and how many more there are.
public struct AlsoIn: Sendable, Hashable {
    /// The anchor of this roadmap's entry (a skill's `skill-…`, a tool's use `u-…`).
    public var from: String
    /// The entry's own title, for a search of the rest.
    public var title: String
    public var targets: [SharedTermIndex.Target]
    /// Roadmaps that list it besides those shown.
    public var more: Int
}

/// A link between two anchors of one roadmap page.
public struct CrossLink: Sendable, Hashable {
    public var from: String
    public var to: String
    public var kind: CrossLinkKind
    /// What made the link: the title or phrase that matched, for readers and tests.
    public var evidence: String
}

/// A skill the roadmap asks for, from a "Skills" / "Core Competencies" list.
public struct Skill: Sendable, Hashable {
    /// The skill's anchor on the page (`skill-…`).
    public var id: String
    public var title: String
    public var location: SourceLocation
    /// The heading of the list the skill is in ("Technical Skills").
    public var group: String
    /// The anchor of the section the skill is listed in.
    public var sectionID: String
    /// Whether the group names soft skills, which modules are not expected to teach.
    public var isSoft: Bool
    /// Module anchors that teach it, in document order.
    public var taughtIn: [String]
    /// Portfolio-project anchors that practise it, in document order.
    public var practisedIn: [String]
}

/// What the cross-linker found on one roadmap.
public struct CrossLinks: Sendable, Hashable {
    public var skills: [Skill] = []
    public var links: [CrossLink] = []
    /// The anchor of the section holding the skill lists ("core-competencies").
    public var skillSectionID: String?
    /// Skills and tools other roadmaps of the site list too.
    public var alsoIn: [AlsoIn] = []

    public init(skills: [Skill] = [], links: [CrossLink] = [], skillSectionID: String? = nil) {
        self.skills = skills
        self.links = links
        self.skillSectionID = skillSectionID
    }
}

/// A roadmap with everything the enrichment stage worked out about it.
public struct EnrichedRoadmap: Sendable {
    public var roadmap: Roadmap
    public var timeline: Timeline
    public var resources: [Resource]
    public var crossLinks: CrossLinks
    /// Anchors given to skill list items, keyed by the item's position.
    public var skillAnchors: [SourceLocation: String]
    /// Problems the enrichment found: inconsistent durations, untaught skills.
    public var diagnostics: [Diagnostic]
    /// What the page adds to its Markdown (badges, backlinks, skill lists), as views for partials.
    var decorations: PageDecorations
}
