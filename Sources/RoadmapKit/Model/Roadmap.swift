import RoadmapMarkdown

/// A heading as the site shows it: its anchor, its text and the inline markup to render.
public struct Heading: Sendable, Hashable {
    public var level: Int
    /// The unique, stable anchor on the page (GitHub-style slug).
    public var id: String
    /// Plain text, markup removed.
    public var text: String
    /// The heading node itself, for rendering its inline content.
    public var node: MarkdownNode
    public var location: SourceLocation
}

/// What a section of a roadmap is, as a reader would name it.
public enum SectionRole: String, Sendable, Hashable, Codable {
    case section, phase, module
}

/// A heading and everything under it up to the next heading of the same or a higher level.
public struct Section: Sendable, Hashable {
    public var heading: Heading
    public var role: SectionRole
    /// Blocks between this heading and its first sub-heading.
    public var blocks: [MarkdownNode]
    public var children: [Section]

    public var id: String { heading.id }
    public var title: String { heading.text }

    /// Every section in this subtree, depth first, this one included.
    public func flattened() -> [Section] {
        var out: [Section] = []
        forEachSection { out.append($0) }
        return out
    }

    /// Calls `body` with every section in this subtree, depth first, this one included, without
    /// collecting them (``flattened()`` copies each section into an array).
    func forEachSection(_ body: (Section) -> Void) {
        body(self)
        for child in children { child.forEachSection(body) }
    }
}

/// A learnable unit inside a module: a bold-led list item or an item of a `Topics:` list.
public struct Topic: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
    /// The topic's own list of sub-topics (`Topics:` / `Focus Areas:` items).
    public var subtopics: [String]
}

/// A project a learner builds.
public struct Project: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
    /// The section the project is listed in.
    public var sectionID: String
    /// Bullet points under the project, if any.
    public var details: [String]
}

/// A module of a phase, such as "DevOps Essentials (8 weeks)".
public struct Module: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
    /// The duration as written, e.g. "8 weeks"; nil when none is stated.
    public var durationText: String?
    public var duration: DurationValue?
    public var durationLocation: SourceLocation?
    public var topics: [Topic]
}

/// A phase of a roadmap, such as "Phase 1: DevOps & Cloud Foundations (4-5 months)".
public struct Phase: Sendable, Hashable {
    public var id: String
    public var title: String
    public var location: SourceLocation
    public var durationText: String?
    public var duration: DurationValue?
    public var durationLocation: SourceLocation?
    public var modules: [Module]

    /// The brackets a title writes its duration in: "(8 weeks)", "[8 weeks]", "（8周）".
    static let durationBrackets = [("(", ")"), ("[", "]"), ("（", "）")]

    /// The title without the duration written in brackets at its end ("Phase 1: Foundations
    /// (4-5 months)" → "Phase 1: Foundations"), for places that show the duration beside it.
    public var titleWithoutStatedDuration: String {
        guard let durationText else { return title }
        for (open, close) in Self.durationBrackets where title.hasSuffix(open + durationText + close) {
            let kept = title.dropLast(open.count + durationText.count + close.count).trimmingSpaces()
            return kept.isEmpty ? title : kept
        }
        return title
    }
}

/// Something a learner works through and can mark on the page (done, learning, skipped): a
/// module, a topic, a project, a task-list item, or a phase without modules.
public struct TrackableItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case phase, module, topic, project, task
    }

    /// The item's anchor on the page.
    public var id: String
    public var title: String
    public var location: SourceLocation
    public var kind: Kind
    /// The phase whose progress the item counts in; nil outside phases (and for projects,
    /// which count in the roadmap's progress only).
    public var phaseID: String?
}

/// A link as written in the Markdown, with where it is.
public struct LinkReference: Sendable, Hashable {
    public var text: String
    public var destination: String
    public var location: SourceLocation
    /// The anchor of the section the link is in ("" before the first heading).
    public var sectionID: String
}

/// One roadmap document, read into a model. Built by ``RoadmapBuilder``.
public struct Roadmap: Sendable {
    /// The path of the source file relative to the content folder, e.g. `mlops-engineer.md`.
    public var source: String
    /// The path used in diagnostics.
    public var sourcePath: String
    public var slug: String
    public var title: String
    public var summary: String
    public var order: Int?
    public var isDraft: Bool
    public var frontMatter: FrontMatter
    /// The first-level title heading, when the document has one; rendered as the page title.
    public var titleHeading: Heading?
    /// Blocks before the first section heading.
    public var preamble: [MarkdownNode]
    public var sections: [Section]
    public var phases: [Phase]
    public var projects: [Project]
    public var links: [LinkReference]
    /// Everything the page lets a learner mark, in document order.
    public var trackable: [TrackableItem]
    /// List items and table rows that carry an anchor (topics, projects, task-list items, the
    /// rows and items of a schedule), keyed by their source position.
    public var itemAnchors: [SourceLocation: String]
    /// Anchors of the headings inside list items and block quotes, which are not sections,
    /// keyed by their source position.
    public var containedHeadingAnchors: [SourceLocation: String]
    /// Every anchor on the page, in document order.
    public var anchors: [String]
    /// The roadmap's total length, set by the enrichment stage from the timeline
    /// (``TimelineBuilder``); nil before enrichment or without durations.
    public var totalDuration: WeekRange?
    /// Whether the summary is a paragraph of the page itself (its first paragraph, when front
    /// matter gives none), so that the page need not show it twice.
    public var summaryIsOnPage = false
    /// The roadmap's drawing, from a roadmap.sh folder's graph (nil for a roadmap in Markdown).
    public var graph: RoadmapGraph?
    /// Which topic file each line past the roadmap's own file comes from, for a roadmap.sh
    /// folder (whose modules are its topics, their topics its subtopics); nil otherwise.
    public var topicLines: TopicLines?

    /// Whether the roadmap is a roadmap.sh folder's: its modules are topics, theirs subtopics.
    public var isTopicFolder: Bool { topicLines != nil }

    /// Every section, depth first.
    public var allSections: [Section] {
        var out: [Section] = []
        forEachSection { out.append($0) }
        return out
    }

    /// Calls `body` with every section, depth first, without collecting them (see ``allSections``).
    func forEachSection(_ body: (Section) -> Void) {
        for section in sections { section.forEachSection(body) }
    }

    public var modules: [Module] { phases.flatMap(\.modules) }
}
