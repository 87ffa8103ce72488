import RoadmapMarkdown
import TemplateEngine

// Views for what a roadmap page adds to its Markdown: resource badges and cross-links, each
// rendered by its partial under Templates/partials/ and placed in the page by ``HTMLRenderer``.
// Each view declares the keys its templates may name (`templateKeys`), as in Views.swift.

/// What a roadmap page adds to its Markdown, at places in it, in the order they are shown
/// (made by ``PageDecorationBuilder``, rendered through their partials where ``HTMLRenderer``
/// places them).
struct PageDecorations: Sendable {
    /// After a link, keyed by the link's source position.
    var afterLink: [SourceLocation: [PageDecoration]] = [:]
    /// At the end of a list item, keyed by the item's source position.
    var itemEnd: [SourceLocation: [PageDecoration]] = [:]
    /// Just after a heading, keyed by its anchor.
    var afterHeading: [String: [PageDecoration]] = [:]
    /// After a section and all its sub-sections, keyed by the section's anchor.
    var sectionEnd: [String: [PageDecoration]] = [:]
}

/// One addition to a roadmap page, and the partial that renders it.
enum PageDecoration: Sendable {
    /// After a use of a resource: its kind and cost, linking to its entry in the resource index.
    case resourceBadge(ResourceBadgeView)
    /// Under a skill: the modules that teach it and the projects that practise it.
    case skillLinks(SkillLinksView)
    /// After a tool or certification: the module about it.
    case seeAlso(PageLinkView)
    /// Under a skill or tool: the same skill or tool on other roadmaps.
    case alsoIn(AlsoInView)
    /// Under a portfolio project: the modules and projects it grows from.
    case growsFrom(GrowsFromView)
    /// Under a phase or module heading: what points to it.
    case referencedFrom(ReferencedFromView)
    /// At the end of the skills section: which phases teach each skill.
    case coverageMatrix(CoverageMatrixView)

    func rendered(with partials: TemplateSet.Partials) -> String {
        switch self {
        case .resourceBadge(let view): partials.resourceBadge.render(view)
        case .skillLinks(let view): partials.skillLinks.render(view)
        case .seeAlso(let view): partials.seeAlso.render(view)
        case .alsoIn(let view): partials.alsoIn.render(view)
        case .growsFrom(let view): partials.growsFrom.render(view)
        case .referencedFrom(let view): partials.referencedFrom.render(view)
        case .coverageMatrix(let view): partials.coverageMatrix.render(view)
        }
    }
}

/// A link to a place on the same roadmap page (`partials/xref-link`).
struct PageLinkView: Sendable, TemplateView {
    var anchor: String
    var title: String
    /// Whether it comes first in its list (the others follow a separator).
    var isFirst: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "anchor": .text(\.anchor), "title": .text(\.title), "isFirst": .flag(\.isFirst),
    ]
}

struct ResourceBadgeView: Sendable, TemplateView {
    /// The anchor of this use of the resource.
    var anchor: String
    /// The resource's entry in the roadmap's resource index.
    var resourceID: String
    var title: String
    /// "course", "book", …
    var kind: String
    /// "free", "paid", …, "unknown".
    var cost: String
    /// Whether the cost is stated.
    var hasCostLabel: Bool
    /// "free to audit".
    var costLabel: String

    static let templateKeys: TemplateKeys<Self> = [
        "anchor": .text(\.anchor), "resourceID": .text(\.resourceID), "title": .text(\.title), "kind": .text(\.kind),
        "cost": .text(\.cost), "hasCostLabel": .flag(\.hasCostLabel), "costLabel": .text(\.costLabel),
    ]
}

struct SkillLinksView: Sendable, TemplateView {
    var taughtIn: [PageLinkView]
    var hasTaughtIn: Bool
    var practisedIn: [PageLinkView]
    var hasPractisedIn: Bool
    /// Neither taught nor practised anywhere.
    var isUnlinked: Bool
    /// A soft skill, which modules are not expected to teach (one taught nowhere gets no view).
    var isSoft: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "taughtIn": .list(\.taughtIn), "hasTaughtIn": .flag(\.hasTaughtIn), "practisedIn": .list(\.practisedIn),
        "hasPractisedIn": .flag(\.hasPractisedIn), "isUnlinked": .flag(\.isUnlinked), "isSoft": .flag(\.isSoft),
    ]
}

struct AlsoInView: Sendable, TemplateView {
    var targets: [AlsoInTargetView]
    var hasTargets: Bool
    /// How many more roadmaps list it.
    var more: Int
    var hasMore: Bool
    var isOneMore: Bool
    /// Whether "N more roadmaps" links to the site's search page.
    var hasSearchLink: Bool
    /// The search page's address from the roadmap's page, asking for the entry's title.
    var searchHref: String

    static let templateKeys: TemplateKeys<Self> = [
        "targets": .list(\.targets), "hasTargets": .flag(\.hasTargets), "more": .number(\.more),
        "hasMore": .flag(\.hasMore), "isOneMore": .flag(\.isOneMore), "hasSearchLink": .flag(\.hasSearchLink),
        "searchHref": .text(\.searchHref),
    ]
}

/// The same skill or tool on another roadmap's page.
struct AlsoInTargetView: Sendable, TemplateView {
    var href: String
    var roadmapTitle: String
    var title: String
    var isFirst: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "href": .text(\.href), "roadmapTitle": .text(\.roadmapTitle), "title": .text(\.title),
        "isFirst": .flag(\.isFirst),
    ]
}

struct GrowsFromView: Sendable, TemplateView {
    var links: [PageLinkView]

    static let templateKeys: TemplateKeys<Self> = [
        "links": .list(\.links),
    ]
}

struct ReferencedFromView: Sendable, TemplateView {
    var links: [BacklinkView]

    static let templateKeys: TemplateKeys<Self> = [
        "links": .list(\.links),
    ]
}

/// A place that points to a phase or module, and why: "skill", "mention", "portfolio project",
/// or the kind of resource about it.
struct BacklinkView: Sendable, TemplateView {
    var anchor: String
    var title: String
    var kind: String
    var isFirst: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "anchor": .text(\.anchor), "title": .text(\.title), "kind": .text(\.kind), "isFirst": .flag(\.isFirst),
    ]
}

/// A table: one row a skill, one column a phase.
struct CoverageMatrixView: Sendable, TemplateView {
    var phases: [MatrixPhaseView]
    var skills: [MatrixSkillView]

    static let templateKeys: TemplateKeys<Self> = [
        "phases": .list(\.phases), "skills": .list(\.skills),
    ]
}

struct MatrixPhaseView: Sendable, TemplateView {
    var anchor: String
    var title: String
    var number: Int

    static let templateKeys: TemplateKeys<Self> = [
        "anchor": .text(\.anchor), "title": .text(\.title), "number": .number(\.number),
    ]
}

struct MatrixSkillView: Sendable, TemplateView {
    var anchor: String
    var title: String
    /// No module of any phase teaches it.
    var isUntaught: Bool
    /// One cell a phase, in order.
    var cells: [MatrixCellView]
    /// How many portfolio projects practise it.
    var projectCount: Int
    var hasProjects: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "anchor": .text(\.anchor), "title": .text(\.title), "isUntaught": .flag(\.isUntaught),
        "cells": .list(\.cells), "projectCount": .number(\.projectCount), "hasProjects": .flag(\.hasProjects),
    ]
}

struct MatrixCellView: Sendable, TemplateView {
    /// Whether a module of the phase teaches the skill.
    var isTaught: Bool

    static let templateKeys: TemplateKeys<Self> = [
        "isTaught": .flag(\.isTaught),
    ]
}
