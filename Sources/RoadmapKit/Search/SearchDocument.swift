/// One entry of the search index: a section of a roadmap a query can land on.
public struct SearchDocument: Sendable, Hashable {
    /// What the entry is, as the results list names it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case roadmap, phase, module, topic, skill, project, resource, section

        /// The kind's number in the index: its place in ``allCases``, the index's `kinds`.
        var number: UInt8 { UInt8(Self.allCases.firstIndex(of: self)!) }

        /// Structural entries rank above passing mentions of the same words.
        var boost: Double {
            switch self {
            case .phase, .module: 1.3
            case .topic: 1.25
            case .skill, .resource: 1.15
            case .project: 1.1
            case .section: 1.0
            case .roadmap: 1.05
            }
        }

        /// Whether the entry is a place on a page a learner reads (a roadmap, a phase, a
        /// section, …) rather than a thing it lists (a resource, a skill). A word in the title of
        /// a place ranks it above a listed thing with the word in its title.
        var isPlace: Bool { self != .resource && self != .skill }
    }

    public var kind: Kind
    public var title: String
    /// Where the entry is, outermost first: roadmap, phase, module, …
    public var trail: [String]
    /// "Roadmap › Phase › Module".
    public var breadcrumb: String { trail.joined(separator: SearchIndexBuilder.separator) }
    /// Plain text shown under the title, at most ``SearchIndexBuilder/excerptLength`` characters.
    public var excerpt: String
    /// The page and anchor, relative to the site root: `mlops-engineer/index.html#kubernetes`.
    public var url: String
}
